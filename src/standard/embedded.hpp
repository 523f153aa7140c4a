#pragma once
#include <cstddef>
#include <span>
#include <string_view>

namespace ahaki {

struct EmbeddedFile {
    std::string_view name;
    const char* data;
    std::size_t size;
};

/// schemas/standards/*.xml as they were when the binary was built.
std::span<const EmbeddedFile> embedded_standard_files();
/// schemas/ryoyohi/ryoyohi.xml (the 療養費 fee editions and consent rules).
std::span<const EmbeddedFile> embedded_ryoyohi_files();

}  // namespace ahaki
