#pragma once
// Work on several threads, results handed over in input order: the engine's
// streamed runs check (and render) files in parallel but write them in order,
// keeping only a bounded window of finished results in memory.
#include <cstddef>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace ahaki {

/// Threads to use for `n` items: `jobs` (0: every core), at most n, at least 1.
unsigned job_count(unsigned jobs, std::size_t n);

/// Calls produce(i, slot) for every i in [0, n) on `jobs` threads, and
/// consume(i, slot) in increasing order of i, one call at a time, as soon as
/// produce(i) and every earlier produce have returned. At most `slots` items are
/// between the two; item i uses slot i % slots of storage the caller owns
/// (produce fills it, consume empties it). produce may run while consume runs
/// (on other items and slots). With one job everything runs on the calling thread.
void run_in_order(std::size_t n, unsigned jobs, std::size_t slots,
                  const std::function<void(std::size_t i, std::size_t slot)>& produce,
                  const std::function<void(std::size_t i, std::size_t slot)>& consume);

/// Typed form of run_in_order: consume(i, produce(i)), produce on `jobs` threads,
/// consume in input order.
template <class T, class Produce, class Consume>
void map_in_order(std::size_t n, unsigned jobs, Produce&& produce, Consume&& consume) {
    const unsigned threads = job_count(jobs, n);
    // A window of 4 results per thread absorbs uneven file sizes without letting
    // memory grow with the number of files.
    std::vector<std::optional<T>> ring(threads <= 1 ? 1 : 4u * threads);
    run_in_order(
        n, threads, ring.size(), [&](std::size_t i, std::size_t s) { ring[s].emplace(produce(i)); },
        [&](std::size_t i, std::size_t s) {
            T t = std::move(*ring[s]);
            ring[s].reset();
            consume(i, std::move(t));
        });
}

}  // namespace ahaki
