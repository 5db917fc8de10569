//! Runs the example guest of `guest/wasm` in a real wasm runtime (the wasmi
//! interpreter) and hands back the frame it returns, so tests can decode it
//! on the host side with `genvm_calldata::decode_frame`.

use std::path::PathBuf;
use std::process::Command;

use wasmi::{Engine, Linker, Memory, Module, Store, TypedFunc};

/// Builds the guest (release, `wasm32-wasip1`) and returns its `.wasm` path.
///
/// # Panics
/// If cargo fails: the tests need the guest.
pub fn build_guest() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let manifest = root.join("guest/wasm/Cargo.toml");
    let target_dir = root.join("target/guest");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--quiet", "--release", "--target", "wasm32-wasip1"])
        .arg("--manifest-path")
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&target_dir)
        // The host build's flags (coverage, sanitizers) are not the guest's.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building the guest failed");
    target_dir.join("wasm32-wasip1/release/genvm_example_guest.wasm")
}

/// An instantiated guest.
pub struct Guest {
    store: Store<()>,
    memory: Memory,
    alloc: TypedFunc<u32, u32>,
    run: TypedFunc<(u32, u32), u64>,
}

/// Why a guest could not be loaded or called.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

impl Guest {
    /// Loads and instantiates the guest; it must import nothing.
    pub fn new(wasm: &[u8]) -> Result<Guest, Error> {
        let engine = Engine::default();
        let module = Module::new(&engine, wasm)?;
        let mut store = Store::new(&engine, ());
        let instance = Linker::<()>::new(&engine)
            .instantiate(&mut store, &module)?
            .start(&mut store)?;
        let memory = instance
            .get_memory(&store, "memory")
            .ok_or("the guest exports no memory")?;
        let alloc = instance.get_typed_func(&store, "alloc")?;
        let run = instance.get_typed_func(&store, "run")?;
        Ok(Guest {
            store,
            memory,
            alloc,
            run,
        })
    }

    /// Calls `run` on `calldata`; returns the frame's bytes.
    pub fn call(&mut self, calldata: &[u8]) -> Result<Vec<u8>, Error> {
        let len = u32::try_from(calldata.len())?;
        let ptr = self.alloc.call(&mut self.store, len)?;
        self.memory.write(&mut self.store, ptr as usize, calldata)?;
        let packed = self.run.call(&mut self.store, (ptr, len))?;
        let (frame_ptr, frame_len) = ((packed >> 32) as usize, packed as u32 as usize);
        let mut frame = vec![0; frame_len];
        self.memory.read(&self.store, frame_ptr, &mut frame)?;
        Ok(frame)
    }
}

/// The names of a module's imports (the guest has none).
pub fn imports(wasm: &[u8]) -> Result<Vec<String>, Error> {
    let module = Module::new(&Engine::default(), wasm)?;
    Ok(module
        .imports()
        .map(|import| format!("{}::{}", import.module(), import.name()))
        .collect())
}
