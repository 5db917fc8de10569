//! Issue 26's figures: owned decoding (`Value` and `Document`), validation
//! and encoding of the three payloads of `src/fresh.rs` beside the
//! reference (`genlayer_calldata` 0.0.2), in one process, on the system
//! allocator (no mimalloc here: the issue measured with the allocator users
//! get by default).
//!
//! Interleaved like `serde_ratios`: every round times each operation once,
//! back to back (in reverse order every other round; the fastest of three
//! runs), each ratio is taken
//! within its round, and the report gives the median and the range over the
//! rounds. Writes `target/owned_ratios.md`; `cargo bench --bench owned`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Instant;

use bytes::Bytes;
use genvm_calldata::{
    decode, decode_bytes, decode_document, decode_document_bytes, decode_ref, encode, validate,
};

const ROUNDS: usize = 15;

type Op<'a> = (&'static str, Box<dyn Fn() + 'a>);

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn range(values: &[f64]) -> (f64, f64) {
    let low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let high = values.iter().copied().fold(0.0, f64::max);
    (low, high)
}

fn main() {
    if std::env::args()
        .skip(1)
        .any(|arg| !arg.starts_with('-') && !"owned".contains(&arg))
    {
        return;
    }
    let mut report = String::new();
    writeln!(
        report,
        "| payload | size | operation | median time | median MB/s | × reference, median (range) |"
    )
    .unwrap();
    writeln!(report, "|---|---:|---|---:|---:|---:|").unwrap();
    for payload in genvm_calldata_benches::fresh::all() {
        let input = payload.bytes.as_slice();
        let shared = Bytes::copy_from_slice(input);
        let ours = decode(input).expect("valid payload");
        let reference = genlayer_calldata::decode(input).expect("valid payload");
        assert_eq!(genlayer_calldata::encode(&reference), input);
        assert_eq!(encode(&ours), input);
        let document = decode_document(input).expect("valid payload");
        assert_eq!(document, ours);
        assert_eq!(document.to_string(), ours.to_string());
        let ops: Vec<Op> = vec![
            (
                "reference/decode",
                Box::new(|| drop(black_box(genlayer_calldata::decode(black_box(input))))),
            ),
            (
                "ours/decode",
                Box::new(|| drop(black_box(decode(black_box(input))))),
            ),
            (
                "ours/decode_bytes",
                Box::new(|| drop(black_box(decode_bytes(black_box(shared.clone()))))),
            ),
            (
                "ours/decode_document",
                Box::new(|| drop(black_box(decode_document(black_box(input))))),
            ),
            (
                "ours/decode_document_bytes",
                Box::new(|| drop(black_box(decode_document_bytes(black_box(shared.clone()))))),
            ),
            (
                "ours/validate",
                Box::new(|| {
                    let _ = black_box(validate(black_box(input)));
                }),
            ),
            (
                "ours/decode_ref",
                Box::new(|| {
                    let _ = black_box(decode_ref(black_box(input)));
                }),
            ),
            (
                "reference/encode",
                Box::new(|| drop(black_box(genlayer_calldata::encode(black_box(&reference))))),
            ),
            (
                "ours/encode",
                Box::new(|| drop(black_box(encode(black_box(&ours))))),
            ),
        ];
        for (_, op) in &ops {
            op();
            op();
        }
        let reference_encode = ops
            .iter()
            .position(|(name, _)| *name == "reference/encode")
            .expect("the reference's encode");
        let mut seconds = vec![Vec::new(); ops.len()];
        let mut ratios = vec![Vec::new(); ops.len()];
        for round in 0..ROUNDS {
            let mut order: Vec<usize> = (0..ops.len()).collect();
            if round % 2 == 1 {
                order.reverse();
            }
            // Each operation's fastest of three back-to-back runs: other
            // jobs on a shared machine only ever add time.
            let mut times = vec![f64::INFINITY; ops.len()];
            for index in order {
                for _ in 0..3 {
                    let start = Instant::now();
                    (ops[index].1)();
                    times[index] = times[index].min(start.elapsed().as_secs_f64());
                }
            }
            for (index, (name, _)) in ops.iter().enumerate() {
                let against = if name.ends_with("encode") {
                    reference_encode
                } else {
                    0
                };
                seconds[index].push(times[index]);
                ratios[index].push(times[against] / times[index]);
            }
        }
        for (index, (name, _)) in ops.iter().enumerate() {
            let time = median(seconds[index].clone());
            let (low, high) = range(&ratios[index]);
            writeln!(
                report,
                "| {} | {} B | {} | {:.3} ms | {:.0} | {:.1}× ({:.1}–{:.1}) |",
                payload.name,
                input.len(),
                name,
                time * 1e3,
                input.len() as f64 / time / 1e6,
                median(ratios[index].clone()),
                low,
                high
            )
            .unwrap();
        }
    }
    print!("{report}");
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/owned_ratios.md");
    std::fs::write(target, &report).expect("writes target/owned_ratios.md");
}
