#include "engine/ordered.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace ahaki {

unsigned job_count(unsigned jobs, std::size_t n) {
    unsigned j = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(j, n)));
}

void run_in_order(std::size_t n, unsigned jobs, std::size_t slots,
                  const std::function<void(std::size_t, std::size_t)>& produce,
                  const std::function<void(std::size_t, std::size_t)>& consume) {
    if (jobs <= 1 || n <= 1) {
        for (std::size_t i = 0; i < n; ++i) {
            produce(i, i % slots);
            consume(i, i % slots);
        }
        return;
    }
    // Items finished out of order wait in their slot; the thread that finishes
    // the oldest one hands over every consecutive finished item.
    std::vector<char> ready(slots, 0);
    std::mutex m;
    std::condition_variable room;
    std::size_t next_out = 0;  // the oldest item not yet handed over
    bool draining = false;
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) {
            {
                std::unique_lock lock(m);
                room.wait(lock, [&] { return i < next_out + slots; });
            }
            produce(i, i % slots);
            std::unique_lock lock(m);
            ready[i % slots] = 1;
            if (draining) continue;  // that thread will hand this one over too
            draining = true;
            while (ready[next_out % slots]) {
                const std::size_t index = next_out;
                ready[index % slots] = 0;
                lock.unlock();
                // The slot is the consumer's alone: its next producer (index +
                // slots) waits until next_out has passed index.
                consume(index, index % slots);
                lock.lock();
                ++next_out;
                room.notify_all();
            }
            draining = false;
        }
    };
    std::vector<std::jthread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work);
}

}  // namespace ahaki
