//! Parallel work: one helper for every stage that runs independent jobs (sources, queries,
//! figures), sized by the machine (`std::thread::available_parallelism`). Uses nothing.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` applied to every item, on as many threads as the machine offers (never more than
/// there are items), each thread taking the next item in order; the results in item order.
/// A thread that panics yields `None` for the items it had taken and not finished.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let work = || {
        let mut out = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::SeqCst);
            let Some(item) = items.get(k) else {
                break;
            };
            out.push((k, f(item)));
        }
        out
    };
    let mut slots: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for h in handles {
            if let Ok(theirs) = h.join() {
                done.extend(theirs);
            }
        }
        for (k, r) in done {
            slots[k] = Some(r);
        }
    });
    slots
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_item_order_whatever_thread_ran_them() {
        let items: Vec<u64> = (0..100).collect();
        let out = super::map(&items, |i| i * i);
        assert_eq!(out, items.iter().map(|i| Some(i * i)).collect::<Vec<_>>());
        assert!(super::map(&[] as &[u8], |x| *x).is_empty());
    }
}
