#pragma once
// Fixed-point decimal with three fraction digits. Regulated comparisons
// (units >= minimum, hours within a range) must be exact: summing doubles such
// as 0.1 units drifts, so every quantity is held as an integer of thousandths.
#include <compare>
#include <cstdint>
#include <string>

namespace ahaki {

class Decimal {
public:
    static constexpr std::int64_t scale = 1000;

    constexpr Decimal() = default;
    static constexpr Decimal from_milli(std::int64_t m) { Decimal d; d.milli_ = m; return d; }
    static constexpr Decimal from_int(std::int64_t v) { return from_milli(v * scale); }

    constexpr std::int64_t milli() const { return milli_; }
    constexpr bool is_zero() const { return milli_ == 0; }

    constexpr Decimal operator+(Decimal o) const { return from_milli(milli_ + o.milli_); }
    constexpr Decimal operator-(Decimal o) const { return from_milli(milli_ - o.milli_); }
    constexpr Decimal& operator+=(Decimal o) { milli_ += o.milli_; return *this; }
    constexpr Decimal& operator-=(Decimal o) { milli_ -= o.milli_; return *this; }
    /// Exact product with another decimal, rounded toward zero to thousandths.
    constexpr Decimal times(Decimal o) const { return from_milli(milli_ * o.milli_ / scale); }
    constexpr auto operator<=>(const Decimal&) const = default;

    /// Shortest decimal text: "14", "0.5", "22.25".
    std::string str() const;
    double to_double() const { return static_cast<double>(milli_) / scale; }

private:
    std::int64_t milli_ = 0;
};

}  // namespace ahaki
