//! The text form, the JSON-like notation of `spec/calldata.md`: printing
//! (`Display` of values and views, [`Pretty`]) and parsing ([`from_text`]).

mod parse;
mod print;

pub use parse::{from_text, TextParseError};
pub use print::{acts_on_terminal, Pretty};
