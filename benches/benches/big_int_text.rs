//! Decimal conversion of huge integers, both ways, from 1 KB to 1 MB of
//! calldata: printing (`decode_ref(..).to_string()`) and parsing the text form
//! (`from_text`). Each tenfold size should cost at most 40x the time
//! (sub-quadratic). Writes `target/big_int_text.md` for `benches/report.py`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use genvm_calldata::{decode_ref, encode, from_text};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Decimal digits of an integer whose calldata takes about `bytes` bytes
/// (7 bits a ULEB128 byte, log10(2) digits a bit), pseudo-random.
fn digits_for(bytes: usize) -> String {
    let count = (bytes as f64 * 7.0 * std::f64::consts::LOG10_2) as usize;
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..count)
        .map(|index| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let digit = (state % 10) as u8;
            char::from(b'0' + if index == 0 { digit.max(1) } else { digit })
        })
        .collect()
}

/// The fastest of `runs` timings of `work`.
fn best_of(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .expect("at least one run")
}

fn main() {
    let mut rows = vec![
        "| calldata size | digits | print | × previous size | parse | × previous size |"
            .to_string(),
        "|---:|---:|---:|---:|---:|---:|".to_string(),
    ];
    let mut previous: Option<(Duration, Duration)> = None;
    for size in [1_000, 10_000, 100_000, 1_000_000] {
        let digits = digits_for(size);
        let value = from_text(&digits).expect("digits parse");
        let bytes = encode(&value);
        assert_eq!(decode_ref(&bytes).expect("valid").to_string(), digits);
        let runs = if size >= 1_000_000 { 3 } else { 30 };
        let print = best_of(runs, || {
            black_box(decode_ref(black_box(&bytes)).expect("valid").to_string());
        });
        let parse = best_of(runs, || {
            black_box(from_text(black_box(&digits)).expect("digits parse"));
        });
        let growth = |now: Duration, before: Option<Duration>| {
            before.map_or("—".to_string(), |before| {
                format!("{:.1}×", now.as_secs_f64() / before.as_secs_f64())
            })
        };
        rows.push(format!(
            "| {} B | {} | {:.3} ms | {} | {:.3} ms | {} |",
            bytes.len(),
            digits.len(),
            print.as_secs_f64() * 1e3,
            growth(print, previous.map(|p| p.0)),
            parse.as_secs_f64() * 1e3,
            growth(parse, previous.map(|p| p.1)),
        ));
        previous = Some((print, parse));
    }
    let report = rows.join("\n");
    println!("{report}");
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/big_int_text.md");
    std::fs::write(&target, report).expect("target/ is writable");
}
