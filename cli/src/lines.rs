//! Reading stdin line by line for `--lines` with a bound on the line
//! length, so an endless line costs at most the bound in memory.

use std::io::{self, BufRead};

/// One line of input, as the reader hands it on.
pub enum Line<'a> {
    /// The line without its `\n`.
    Whole(&'a [u8]),
    /// A line longer than the bound, skipped to its end.
    TooLong,
    /// A line within the bound that memory could not hold, skipped.
    NoMemory,
}

/// Calls `each` on every line of `input` in order, a last line without
/// `\n` included. Lines of more than `max` bytes (the `\n` not counted) are
/// read past, never held.
pub fn each_line(
    mut input: impl BufRead,
    max: usize,
    mut each: impl FnMut(Line<'_>) -> io::Result<()>,
) -> io::Result<()> {
    // The start of a line that spans reads of the buffer; a line that lies
    // whole in the buffer (the usual case) is handed on without a copy.
    let mut pending: Vec<u8> = Vec::new();
    // Why the line being read is skipped, once it is.
    let mut skipped: Option<Line<'static>> = None;
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return match skipped {
                Some(reason) => each(reason),
                None if !pending.is_empty() => each(Line::Whole(&pending)),
                None => Ok(()),
            };
        }
        let Some(end) = memchr::memchr(b'\n', available) else {
            // The line goes on past the buffer: keep its start, if allowed.
            let used = available.len();
            if skipped.is_none() {
                skipped = keep(&mut pending, available, max).err();
            }
            input.consume(used);
            continue;
        };
        let handed = match skipped.take() {
            Some(reason) => each(reason),
            None if pending.is_empty() && end <= max => each(Line::Whole(&available[..end])),
            None => match keep(&mut pending, &available[..end], max) {
                Ok(()) => each(Line::Whole(&pending)),
                Err(reason) => each(reason),
            },
        };
        pending.clear();
        input.consume(end + 1);
        handed?;
    }
}

/// Appends `part` to the line start in `pending` if the line stays within
/// `max` bytes and memory allows, growing it by doubling but never past
/// `max` bytes of capacity; otherwise frees it and says why the line is
/// skipped.
fn keep(pending: &mut Vec<u8>, part: &[u8], max: usize) -> Result<(), Line<'static>> {
    let needed = pending.len() + part.len();
    let reason = if needed > max {
        Line::TooLong
    } else if needed > pending.capacity()
        && pending
            .try_reserve_exact((pending.capacity() * 2).clamp(needed, max) - pending.len())
            .is_err()
    {
        Line::NoMemory
    } else {
        pending.extend_from_slice(part);
        return Ok(());
    };
    *pending = Vec::new();
    Err(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `each_line` hands on for `input` read through a buffer of
    /// `buffer` bytes: the lines, or `None` for a skipped one.
    fn lines(input: &[u8], buffer: usize, max: usize) -> Vec<Option<Vec<u8>>> {
        let mut seen = Vec::new();
        let reader = io::BufReader::with_capacity(buffer, input);
        each_line(reader, max, |line| {
            seen.push(match line {
                Line::Whole(text) => Some(text.to_vec()),
                Line::TooLong | Line::NoMemory => None,
            });
            Ok(())
        })
        .unwrap();
        seen
    }

    #[test]
    fn lines_within_and_across_buffers_and_over_the_bound() {
        let input = b"ab\n\nabcdefgh\nabcdefghi\nxyz";
        let expected = vec![
            Some(b"ab".to_vec()),
            Some(vec![]),
            Some(b"abcdefgh".to_vec()),
            None,
            Some(b"xyz".to_vec()),
        ];
        for buffer in [1, 2, 3, 5, 64] {
            assert_eq!(lines(input, buffer, 8), expected, "buffer {buffer}");
        }
        assert_eq!(lines(b"abcdefghi", 4, 8), vec![None]);
        assert_eq!(lines(b"", 4, 8), Vec::<Option<Vec<u8>>>::new());
    }
}
