//! A bump allocator over `memory.grow`: a guest answers one call and exits,
//! so never reusing memory is simpler and smaller than a real allocator.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32::memory_grow;
use core::cell::Cell;

const PAGE: usize = 64 * 1024;

/// Hands out memory upwards from pages it grows; `dealloc` is a no-op.
pub struct Bump {
    next: Cell<usize>,
    end: Cell<usize>,
}

impl Bump {
    pub const fn new() -> Bump {
        Bump {
            next: Cell::new(0),
            end: Cell::new(0),
        }
    }
}

// SAFETY: a wasm32 guest without the threads proposal has one thread.
unsafe impl Sync for Bump {}

// SAFETY: every block is fresh memory of at least `layout.size()` bytes at
// `layout.align()`, from pages no one else uses (only this allocator grows
// memory), and no block is handed out twice.
unsafe impl GlobalAlloc for Bump {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let fits = |next: usize| {
            let start = next.checked_add(layout.align() - 1)? & !(layout.align() - 1);
            let end = start.checked_add(layout.size())?;
            Some((start, end))
        };
        match fits(self.next.get()) {
            Some((start, end)) if end <= self.end.get() => {
                self.next.set(end);
                start as *mut u8
            }
            _ => {
                // Grow enough for the block at any alignment.
                let Some(bytes) = layout.size().checked_add(layout.align()) else {
                    return core::ptr::null_mut();
                };
                let pages = bytes.div_ceil(PAGE);
                let previous = memory_grow(0, pages);
                if previous == usize::MAX {
                    return core::ptr::null_mut();
                }
                let region = previous * PAGE;
                if region != self.end.get() {
                    // Not contiguous with our last pages (the first grow).
                    self.next.set(region);
                }
                self.end.set(region + pages * PAGE);
                match fits(self.next.get()) {
                    Some((start, end)) if end <= self.end.get() => {
                        self.next.set(end);
                        start as *mut u8
                    }
                    _ => core::ptr::null_mut(),
                }
            }
        }
    }

    unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}
}
