#pragma once
// Every message shown to a user exists in Japanese and English.
#include <string>

namespace ahaki {

enum class Lang { ja, en };

struct Text {
    std::string ja;
    std::string en;
    const std::string& in(Lang l) const { return l == Lang::ja ? ja : en; }
    bool empty() const { return ja.empty() && en.empty(); }
    bool operator==(const Text&) const = default;
};

}  // namespace ahaki
