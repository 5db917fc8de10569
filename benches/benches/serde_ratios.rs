//! The serde round trips again, interleaved: on a shared machine whose speed
//! drifts by tens of percent from minute to minute, criterion's separate
//! timings of each format can disagree run to run. Here every round times
//! each format once, back to back (in reverse order every other round, so
//! no format always follows the same one), and the ratios to the reference
//! and to ours are taken within the round; the report gives the medians
//! over the rounds. Writes `target/serde_ratios.md` for `benches/report.py`.

use std::hint::black_box;
use std::time::Instant;

use genvm_calldata_benches::serde_records::{records, ROUND_TRIPS};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ROUNDS: usize = 31;

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
    let position = |prefix: &str| {
        ROUND_TRIPS
            .iter()
            .position(|(name, _)| name.starts_with(prefix))
            .expect("compared")
    };
    let (reference, ours) = (position("reference/"), position("ours/round_trip"));
    let mut seconds = vec![Vec::new(); ROUND_TRIPS.len()];
    let mut speedups = vec![Vec::new(); ROUND_TRIPS.len()];
    let mut against_ours = vec![Vec::new(); ROUND_TRIPS.len()];
    for round_number in 0..ROUNDS {
        let mut round = vec![0.0; ROUND_TRIPS.len()];
        let mut order: Vec<usize> = (0..ROUND_TRIPS.len()).collect();
        if round_number % 2 == 1 {
            order.reverse();
        }
        for index in order {
            let start = Instant::now();
            black_box((ROUND_TRIPS[index].1)(black_box(&records)));
            round[index] = start.elapsed().as_secs_f64();
        }
        for (index, time) in round.iter().enumerate() {
            seconds[index].push(*time);
            speedups[index].push(round[reference] / time);
            against_ours[index].push(time / round[ours]);
        }
    }
    let mut report = String::from(
        "| format | median time | median × reference, within a round | median time ÷ ours, within a round |\n|---|---:|---:|---:|\n",
    );
    for (index, (name, _)) in ROUND_TRIPS.iter().enumerate() {
        let time = median(seconds[index].clone()) * 1e3;
        let speedup = median(speedups[index].clone());
        let relative = median(against_ours[index].clone());
        report.push_str(&format!(
            "| {name} | {time:.2} ms | {speedup:.1}× | {relative:.2} |\n"
        ));
    }
    print!("{report}");
    let target = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/serde_ratios.md");
    std::fs::write(&target, report).expect("target/ is writable");
}
