#include "model/decimal.hpp"

#include <cstdlib>

namespace ahaki {

std::string Decimal::str() const {
    std::int64_t v = milli_;
    std::string out;
    if (v < 0) { out.push_back('-'); v = -v; }
    out += std::to_string(v / scale);
    std::int64_t frac = v % scale;
    if (frac != 0) {
        std::string f = std::to_string(frac);
        f.insert(0, 3 - f.size(), '0');
        while (!f.empty() && f.back() == '0') f.pop_back();
        out.push_back('.');
        out += f;
    }
    return out;
}

}  // namespace ahaki
