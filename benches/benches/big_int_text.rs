//! Decimal conversion of huge integers, both ways, from 1 KB to 1 MB of
//! calldata, as `calldata decode`/`gvc_to_text` and `calldata
//! encode`/`gvc_from_text` do it: printing calldata as text
//! (`decode_ref(..).to_string()`) and text as calldata
//! (`encode(&from_text(..))`), with `from_text` alone beside it. Each tenfold
//! size should cost at most 40x the time (sub-quadratic). Writes
//! `target/big_int_text.md` for `benches/report.py`.

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
        "| calldata size | digits | print | × previous size | parse to calldata | × previous size | `from_text` alone | × previous size |"
            .to_string(),
        "|---:|---:|---:|---:|---:|---:|---:|---:|".to_string(),
    ];
    let mut previous: Option<[Duration; 3]> = None;
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
            black_box(encode(
                &from_text(black_box(&digits)).expect("digits parse"),
            ));
        });
        let from_text_alone = best_of(runs, || {
            black_box(from_text(black_box(&digits)).expect("digits parse"));
        });
        let growth = |now: Duration, before: Option<Duration>| {
            before.map_or("—".to_string(), |before| {
                format!("{:.1}×", now.as_secs_f64() / before.as_secs_f64())
            })
        };
        let times = [print, parse, from_text_alone];
        let mut row = format!("| {} B | {} |", bytes.len(), digits.len());
        for (index, time) in times.into_iter().enumerate() {
            let before = previous.map(|times| times[index]);
            row += &format!(
                " {:.3} ms | {} |",
                time.as_secs_f64() * 1e3,
                growth(time, before)
            );
        }
        rows.push(row);
        previous = Some(times);
    }
    let report = rows.join("\n");
    println!("{report}");
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/big_int_text.md");
    std::fs::write(&target, report).expect("target/ is writable");
}
