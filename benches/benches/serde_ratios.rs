//! The serde round trips again, interleaved: on a shared machine whose speed
//! drifts by tens of percent from minute to minute, criterion's separate
//! timings of each format can disagree run to run. Here every round times
//! each format once, back to back, and the ratio to the reference is taken
//! within the round; the report gives the median over the rounds. Writes
//! `target/serde_ratios.md` for `benches/report.py`.

use std::hint::black_box;
use std::time::Instant;

use genvm_calldata_benches::serde_records::{records, ROUND_TRIPS};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROUNDS: usize = 21;

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    // `cargo bench` passes criterion's flags; a filter that names another
    // bench skips this one.
    if std::env::args()
        .skip(1)
        .any(|arg| !arg.starts_with('-') && !"serde_ratios".contains(&arg))
    {
        return;
    }
    let records = records();
    for &(name, round_trip) in ROUND_TRIPS {
        assert_eq!(round_trip(&records), records.len(), "{name}"); // and warms up
    }
    let reference = ROUND_TRIPS
        .iter()
        .position(|(name, _)| name.starts_with("reference/"))
        .expect("the reference is compared");
    let mut seconds = vec![Vec::new(); ROUND_TRIPS.len()];
    let mut ratios = vec![Vec::new(); ROUND_TRIPS.len()];
    for _ in 0..ROUNDS {
        let round: Vec<f64> = ROUND_TRIPS
            .iter()
            .map(|(_, round_trip)| {
                let start = Instant::now();
                black_box(round_trip(black_box(&records)));
                start.elapsed().as_secs_f64()
            })
            .collect();
        for (index, time) in round.iter().enumerate() {
            seconds[index].push(*time);
            ratios[index].push(round[reference] / time);
        }
    }
    let mut report = String::from(
        "| format | median time | median × reference, within a round |\n|---|---:|---:|\n",
    );
    for (index, (name, _)) in ROUND_TRIPS.iter().enumerate() {
        let time = median(seconds[index].clone()) * 1e3;
        let ratio = median(ratios[index].clone());
        report.push_str(&format!("| {name} | {time:.2} ms | {ratio:.1}× |\n"));
    }
    print!("{report}");
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/serde_ratios.md");
    std::fs::write(&target, report).expect("target/ is writable");
}
