#pragma once
// The benchmark generators' random numbers (gen.cpp, clinic_gen.cpp): splitmix64 to seed,
// xoshiro256** to draw, FNV-1a to derive a stream per section, so that a seed gives the same
// corpus on every machine and in every generator.
#include <cstdint>
#include <string_view>

namespace ahaki_bench {

inline std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

inline std::uint64_t hash_name(std::string_view s) {  // FNV-1a, to derive a stream per section
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
    return h;
}

class Rng {  // xoshiro256**
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& v : s_) v = splitmix64(seed);
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [0, n), n > 0, by rejection (no modulo bias).
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }
    int range(int lo, int hi) {  // inclusive
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    bool chance(int num, int den) { return below(static_cast<std::uint64_t>(den)) < static_cast<std::uint64_t>(num); }
    template <class C>
    auto& pick(C& c) {  // C may be const
        return c[below(c.size())];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

}  // namespace ahaki_bench
