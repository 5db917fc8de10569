//! Issue 26's three payloads: shapes the older benches never used, for the
//! owned decode, validation and encoding figures (`benches/owned.rs`, and
//! the instruction counts of `src/bin/icount.rs`). Deterministic: the same
//! bytes on every run and machine.

use genvm_calldata::{encode, Address, Map, Value};

use crate::Payload;

/// A small deterministic generator (PCG-style LCG, high bits out).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let x = self.0;
        (x ^ (x >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (x >> 32)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const ASSETS: [&str; 6] = ["GEN", "USDC", "ETH", "wBTC", "DAI", "stGEN"];
const WORDS: [&str; 12] = [
    "rent", "refund", "payroll", "invoice", "café", "gift", "fee", "split", "東京", "loan",
    "deposit", "swap",
];

fn memo(rng: &mut Rng) -> Value {
    if rng.below(4) == 0 {
        return Value::Null;
    }
    let words = 1 + rng.below(5);
    let mut text = String::new();
    for index in 0..words {
        if index > 0 {
            text.push(' ');
        }
        text.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
    }
    Value::from(text)
}

fn transfer(rng: &mut Rng, nonce: u64) -> Value {
    let address = |rng: &mut Rng| {
        let mut bytes = [0u8; 20];
        for chunk in bytes.chunks_mut(8) {
            let word = rng.next().to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
        Value::from(Address(bytes))
    };
    let amount_bits = 8 + rng.below(56);
    let entries = [
        ("amount", Value::from(rng.next() >> (64 - amount_bits))),
        (
            "asset",
            Value::from(ASSETS[rng.below(ASSETS.len() as u64) as usize]),
        ),
        ("fee", Value::from(rng.below(5_000))),
        ("from", address(rng)),
        ("memo", memo(rng)),
        ("nonce", Value::from(nonce)),
        ("ok", Value::from(rng.below(10) != 0)),
        ("to", address(rng)),
        (
            "meta",
            Value::from(
                Map::from_entries([
                    ("block", Value::from(19_000_000 + nonce / 7)),
                    ("index", Value::from(rng.below(300))),
                    (
                        "refs",
                        Value::from(
                            (0..rng.below(3))
                                .map(|_| Value::from(-(rng.below(1 << 20) as i64)))
                                .collect::<Vec<_>>(),
                        ),
                    ),
                ])
                .expect("distinct keys"),
            ),
        ),
    ];
    Value::from(Map::from_entries(entries).expect("distinct keys"))
}

/// About 1.26 MB: an array of 8,560 transfers, maps of nine fields (two
/// addresses, integers of 8 to 64 bits, a short asset name, a memo of a few
/// words or null, a nested map with a short array of negative integers).
pub fn records() -> Payload {
    let mut rng = Rng(0x5eed_0026_0000_0001);
    Payload {
        name: "transfers",
        bytes: encode(&(0..8_560).map(|n| transfer(&mut rng, n)).collect::<Value>()),
    }
}

/// About 1.03 MB: 1,900 rows of 100 integers each, magnitudes spread evenly
/// over 0 to 64 bits (so most take 4 to 10 bytes, some one), both signs,
/// and one 128-bit integer a row.
pub fn integers() -> Payload {
    let mut rng = Rng(0x5eed_0026_0000_0002);
    let row = |rng: &mut Rng| -> Value {
        let mut items: Vec<Value> = (0..99)
            .map(|_| {
                let bits = rng.below(65);
                let magnitude = if bits == 0 {
                    0
                } else {
                    rng.next() >> (64 - bits)
                };
                if rng.below(2) == 0 {
                    Value::from(magnitude)
                } else {
                    Value::from(-(magnitude as i128) - 1)
                }
            })
            .collect();
        items.push(Value::from(
            (rng.next() as u128) << 64 | rng.next() as u128 >> 1,
        ));
        Value::from(items)
    };
    Payload {
        name: "int_rows",
        bytes: encode(&(0..1_900).map(|_| row(&mut rng)).collect::<Value>()),
    }
}

const SCRIPTS: [&str; 5] = [
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789-_.,",
    "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ ",
    "日本語の文字列と漢字かなカナ東京大阪 ",
    "Ελληνικά кириллица עברית العربية ",
    "😀🚀🌍🎉🔥✨ ok ",
];

/// About 2.05 MB: an array of 21,200 strings. Lengths: half under 16 bytes,
/// 30% 16 to 63, 15% 64 to 255, 5% 256 to 2,047; 70% ASCII, the rest
/// accented Latin, Japanese, Greek/Cyrillic/Hebrew/Arabic or emoji.
pub fn strings() -> Payload {
    let mut rng = Rng(0x5eed_0026_0000_0003);
    let scripts: Vec<Vec<char>> = SCRIPTS.iter().map(|s| s.chars().collect()).collect();
    let text = |rng: &mut Rng| -> Value {
        let band = rng.below(100);
        let target = match band {
            0..=49 => rng.below(16),
            50..=79 => 16 + rng.below(48),
            80..=94 => 64 + rng.below(192),
            _ => 256 + rng.below(1792),
        } as usize;
        let script = match rng.below(100) {
            0..=69 => 0,
            70..=81 => 1,
            82..=89 => 2,
            90..=95 => 3,
            _ => 4,
        };
        let chars = &scripts[script];
        let mut text = String::with_capacity(target + 4);
        while text.len() < target {
            text.push(chars[rng.below(chars.len() as u64) as usize]);
        }
        Value::from(text)
    };
    Payload {
        name: "strings",
        bytes: encode(&(0..21_200).map(|_| text(&mut rng)).collect::<Value>()),
    }
}

/// The three, in the order.
pub fn all() -> Vec<Payload> {
    vec![records(), integers(), strings()]
}
