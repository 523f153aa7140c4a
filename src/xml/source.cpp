#include "xml/source.hpp"

#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "model/system_error.hpp"

namespace ahaki {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

Diagnostic make_error(const std::string& path, Loc loc, std::string ja, std::string en, std::string exp_ja = {},
                      std::string exp_en = {}) {
    return Diagnostic{path, std::move(loc), Text{std::move(ja), std::move(en)}, Text{std::move(exp_ja), std::move(exp_en)}};
}

/// Line and column of `offset` in a UTF-8 prefix, counted directly (for errors
/// found before a SourceText exists).
Loc locate_in(std::string_view text, std::size_t offset) {
    Loc loc{1, 1, {}};
    offset = std::min(offset, text.size());
    for (std::size_t i = 0; i < offset; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++loc.line;
            loc.column = 1;
        } else if (!is_continuation(c)) {
            ++loc.column;
        }
    }
    return loc;
}

/// Length of the valid UTF-8 sequence at p, or 0 if invalid (overlong,
/// surrogate, beyond U+10FFFF, truncated).
std::size_t utf8_sequence(const unsigned char* p, std::size_t left) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    std::size_t n;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
    else return 0;
    if (left < n) return 0;
    for (std::size_t i = 1; i < n; ++i) {
        if (!is_continuation(p[i])) return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/// XML 1.0 forbids most C0 controls; a file full of them is binary, not XML.
bool forbidden_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

bool decodes_as_cp932(std::string_view bytes);

/// Offset of the first character of valid UTF-8 `text` that XML or this tool
/// refuses although it is well-formed UTF-8: a non-character (U+FFFE, U+FFFF,
/// U+FDD0..U+FDEF, U+nFFFE, U+nFFFF) or U+FEFF (a second BOM: the first was
/// removed before). Sets `cp` to it. text.size() when there is none.
std::size_t disallowed_char(std::string_view text, std::uint32_t& cp) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] < 0xEF) continue;  // every such character starts with EF or F0..F4
        if (p[i] == 0xEF && i + 2 < n) {
            cp = 0xF000u | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
            if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xFDD0 && cp <= 0xFDEF)) return i;
            i += 2;
        } else if (p[i] >= 0xF0 && i + 3 < n) {
            cp = ((p[i] & 0x07u) << 18) | ((p[i + 1] & 0x3Fu) << 12) | ((p[i + 2] & 0x3Fu) << 6) | (p[i + 3] & 0x3Fu);
            if ((cp & 0xFFFE) == 0xFFFE) return i;
            i += 3;
        }
    }
    return n;
}

/// `suggest_sjis`: on failure, say whether the bytes look like Shift_JIS.
std::optional<Diagnostic> validate_utf8(const std::string& path, std::string_view text, bool suggest_sjis) {
    const std::size_t i = first_invalid_utf8(text);
    if (i == text.size()) {
        std::uint32_t cp = 0;
        const std::size_t d = disallowed_char(text, cp);
        if (d == text.size()) return std::nullopt;
        if (cp == 0xFEFF)
            return make_error(path, locate_in(text, d),
                              "ファイルの途中にBOM（U+FEFF）があります（2つ目のBOMか、文字列の中の見えない文字です）",
                              "a byte order mark (U+FEFF) inside the file (a second BOM, or an invisible character in the text)",
                              "ファイルの先頭のBOM 1つだけ", "at most one BOM, at the very start of the file");
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
        return make_error(path, locate_in(text, d), std::string("XMLで使えない非文字 ") + code + " があります",
                          std::string("the non-character ") + code + " is not allowed in XML",
                          "XMLで使える文字", "characters XML allows");
    }
    const auto bad = static_cast<unsigned char>(text[i]);
    if (forbidden_control(bad)) {
        return make_error(path, locate_in(text, i), "XMLで使えない制御文字 " + hex_byte(bad) + " があります",
                          "control character " + hex_byte(bad) + " is not allowed in XML",
                          "テキストファイル（XML）", "a text (XML) file");
    }
    std::string ja = "UTF-8として読めないバイト " + hex_byte(bad) + " があります";
    std::string en = "byte " + hex_byte(bad) + " is not valid UTF-8";
    if (suggest_sjis && decodes_as_cp932(text)) {
        ja += "（Shift_JISで保存されたファイルなら、XML宣言に encoding=\"Shift_JIS\" と書いてください）";
        en += " (if the file was saved as Shift_JIS, declare encoding=\"Shift_JIS\" in the XML declaration)";
    }
    return make_error(path, locate_in(text, i), std::move(ja), std::move(en), "UTF-8 の文字", "UTF-8 text");
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

struct Declaration {
    bool present = false;
    std::string encoding;  ///< as written; empty when not declared
    std::size_t encoding_offset = 0;
};

/// Reads the XML declaration of an ASCII-compatible text.
Declaration read_declaration(std::string_view t) {
    Declaration d;
    if (t.substr(0, 5) != "<?xml") return d;
    if (t.size() > 5 && t[5] != ' ' && t[5] != '\t' && t[5] != '\r' && t[5] != '\n') return d;
    d.present = true;
    std::size_t end = t.find("?>");
    std::string_view decl = t.substr(0, end == std::string_view::npos ? std::min<std::size_t>(t.size(), 200) : end);
    std::size_t pos = decl.find("encoding");
    if (pos == std::string_view::npos) return d;
    std::size_t i = pos + 8;
    while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\r' || decl[i] == '\n')) ++i;
    if (i >= decl.size() || decl[i] != '=') return d;
    ++i;
    while (i < decl.size() && (decl[i] == ' ' || decl[i] == '\t' || decl[i] == '\r' || decl[i] == '\n')) ++i;
    if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return d;
    char q = decl[i++];
    std::size_t close = decl.find(q, i);
    if (close == std::string_view::npos) return d;
    d.encoding = std::string(decl.substr(i, close - i));
    d.encoding_offset = i;
    return d;
}

enum class Enc { utf8, utf16le, utf16be, cp932, eucjp, unsupported };

/// Shift_JIS as written by Windows is CP932 (NEC/IBM extensions such as Ⅰ ①,
/// 0x5C as backslash); decoding it as strict JIS would refuse or misread them.
Enc classify(std::string_view name) {
    std::string n = lower_ascii(name);
    if (n == "utf-8" || n == "utf8" || n == "us-ascii" || n == "ascii") return Enc::utf8;
    if (n == "shift_jis" || n == "shift-jis" || n == "sjis" || n == "x-sjis" || n == "cp932" || n == "windows-31j" ||
        n == "ms932" || n == "ms_kanji" || n == "csshiftjis" || n == "cswindows31j")
        return Enc::cp932;
    if (n == "euc-jp" || n == "eucjp" || n == "x-euc-jp" || n == "cseucpkdfmtjapanese" || n == "euc-jp-ms")
        return Enc::eucjp;
    if (n == "utf-16" || n == "utf16" || n == "utf-16le" || n == "utf-16be") return Enc::utf16le;  // only meaningful with a BOM
    return Enc::unsupported;
}

const char* iconv_name(Enc e) {
    switch (e) {
        case Enc::utf16le: return "UTF-16LE";
        case Enc::utf16be: return "UTF-16BE";
        case Enc::cp932: return "CP932";
        case Enc::eucjp: return "EUC-JP-MS";
        default: return "UTF-8";
    }
}

struct Converted {
    std::string text;
    std::optional<Diagnostic> error;
};

Converted convert(const std::string& path, std::string_view bytes, Enc from) {
    Converted out;
    iconv_t cd = iconv_open("UTF-8", iconv_name(from));
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        out.error = make_error(path, Loc{1, 1, {}}, std::string("この環境では文字コード ") + iconv_name(from) + " を変換できません",
                               std::string("this system cannot convert from ") + iconv_name(from));
        return out;
    }
    out.text.resize(bytes.size() * 3 / 2 + 16);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t produced = 0;
    while (in_left > 0) {
        char* o = out.text.data() + produced;
        std::size_t o_left = out.text.size() - produced;
        std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        produced = out.text.size() - o_left;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.text.resize(out.text.size() * 2);
            continue;
        }
        // EILSEQ or EINVAL (truncated sequence at the end): locate it in the
        // text converted so far, which has the same lines and characters.
        Loc loc = locate_in(std::string_view(out.text.data(), produced), produced);
        unsigned char bad = static_cast<unsigned char>(*in);
        out.error = make_error(
            path, loc,
            std::string(iconv_name(from)) + " として読めないバイト " + hex_byte(bad) + " があります（宣言された文字コードと実際の文字コードが違う可能性があります）",
            "byte " + hex_byte(bad) + " is not valid " + iconv_name(from) + " (the declared encoding may not be the file's real one)",
            std::string("宣言どおりの ") + iconv_name(from) + " の文字", std::string("text in the declared encoding ") + iconv_name(from));
        iconv_close(cd);
        return out;
    }
    iconv_close(cd);
    out.text.resize(produced);
    return out;
}

/// True if the bytes decode cleanly as CP932 (to suggest the right declaration).
bool decodes_as_cp932(std::string_view bytes) {
    std::string_view probe = bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096));
    if (probe.size() < bytes.size()) {
        // Cut at a line end so a two-byte character is not split.
        std::size_t nl = probe.rfind('\n');
        if (nl != std::string_view::npos) probe = probe.substr(0, nl + 1);
    }
    // Binary data is not text in any encoding: no advice about declarations.
    if (std::any_of(probe.begin(), probe.end(), [](char ch) { return forbidden_control(static_cast<unsigned char>(ch)); }))
        return false;
    Converted c = convert("", probe, Enc::cp932);
    return !c.error;
}

}  // namespace

std::size_t first_disallowed_char(std::string_view text, std::uint32_t& cp) { return disallowed_char(text, cp); }

Diagnostic misplaced_declaration(const std::string& path, Loc loc) {
    return make_error(path, std::move(loc),
                      "XML宣言 <?xml …?> はファイルの先頭にしか書けません（前に空白、改行、コメントなどがあります）",
                      "the XML declaration <?xml …?> may only be at the very start of the file (something precedes it)",
                      "ファイルの1文字目から始まるXML宣言、または宣言なし", "an XML declaration that starts the file, or none");
}

std::size_t first_invalid_utf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    // The 3-byte sequences of Japanese text whose lead byte rules out overlongs
    // and surrogates (E1..EC, EE, EF).
    auto plain_three_bytes = [&](std::size_t at) {
        return at + 3 <= n && (p[at] & 0xF0) == 0xE0 && p[at] != 0xE0 && p[at] != 0xED && is_continuation(p[at + 1]) &&
               is_continuation(p[at + 2]);
    };
    std::size_t i = 0;
    while (i < n) {
        // Most of a file is markup: 8 printable ASCII bytes at a time (no high
        // bit, no byte below 0x20; exact because the high bits are clear).
        if (i + 8 <= n) {
            std::uint64_t x;
            std::memcpy(&x, p + i, 8);
            constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
            if ((x & highs) == 0 && ((x - ones * 0x20) & ~x & highs) == 0) {
                i += 8;
                continue;
            }
        }
        if (p[i] < 0x80) {
            // A line end or tab (then back to the 8-byte steps), or a forbidden control.
            if (forbidden_control(p[i])) return i;
            ++i;
            continue;
        }
        if (plain_three_bytes(i)) {
            do i += 3;
            while (plain_three_bytes(i));
            continue;
        }
        const std::size_t length = utf8_sequence(p + i, n - i);
        if (length == 0) return i;
        i += length;
    }
    return n;
}

SourceText::SourceText(std::string path, std::string utf8, std::string encoding)
    : path_(std::move(path)), text_(std::move(utf8)), encoding_(std::move(encoding)) {
    line_starts_.push_back(0);
    const std::size_t n = text_.size();
    const char* t = text_.data();
    std::size_t longest = 0;
    if (std::memchr(t, '\r', n) == nullptr) {
        for (const char* p = t; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(t + n - p))));) {
            ++p;
            longest = std::max<std::size_t>(longest, static_cast<std::size_t>(p - t) - line_starts_.back());
            line_starts_.push_back(static_cast<std::uint32_t>(p - t));
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            char c = t[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= n || t[i + 1] != '\n'))) {
                longest = std::max<std::size_t>(longest, i + 1 - line_starts_.back());
                line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
            }
        }
    }
    longest = std::max<std::size_t>(longest, n - line_starts_.back());
    // Checkpoints only matter inside lines longer than the stride; locate()
    // counts from the line start otherwise (same result, fewer bytes).
    if (longest <= checkpoint_stride) return;
    checkpoint_columns_.reserve(n / checkpoint_stride + 1);
    std::uint32_t column = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i % checkpoint_stride == 0) checkpoint_columns_.push_back(column);
        unsigned char c = static_cast<unsigned char>(t[i]);
        if (c == '\n' || (c == '\r' && (i + 1 >= n || t[i + 1] != '\n'))) {
            column = 0;
        } else if (!is_continuation(c)) {
            ++column;
        }
    }
}

Loc SourceText::locate(std::size_t offset) const {
    std::size_t line_hint = 0;
    return locate(offset, line_hint);
}

Loc SourceText::locate(std::size_t offset, std::size_t& line_hint) const {
    offset = std::min(offset, text_.size());
    const auto target = static_cast<std::uint32_t>(offset);
    const std::size_t lines = line_starts_.size();
    std::size_t line_index = line_hint < lines ? line_hint : 0;
    if (line_starts_[line_index] > target) {
        line_index = static_cast<std::size_t>(std::upper_bound(line_starts_.begin(), line_starts_.begin() + line_index, target) -
                                              line_starts_.begin()) - 1;
    } else {
        for (int step = 0; step < 4 && line_index + 1 < lines && line_starts_[line_index + 1] <= target; ++step) ++line_index;
        if (line_index + 1 < lines && line_starts_[line_index + 1] <= target)
            line_index = static_cast<std::size_t>(std::upper_bound(line_starts_.begin() + line_index, line_starts_.end(), target) -
                                                  line_starts_.begin()) - 1;
    }
    line_hint = line_index;
    std::size_t line_start = line_starts_[line_index];
    std::size_t from = line_start;
    std::uint32_t column = 0;
    std::size_t cp = offset / checkpoint_stride;
    if (cp * checkpoint_stride > line_start && cp < checkpoint_columns_.size()) {
        from = cp * checkpoint_stride;
        column = checkpoint_columns_[cp];
    }
    for (std::size_t i = from; i < offset; ++i)
        if (!is_continuation(static_cast<unsigned char>(text_[i]))) ++column;
    return Loc{static_cast<std::uint32_t>(line_index + 1), column + 1, {}};
}

ReadResult decode_source(const std::string& path, std::string bytes, std::string_view root) {
    ReadResult r;
    auto fail = [&](Diagnostic d) {
        r.error = std::move(d);
        return r;
    };
    if (bytes.empty()) {
        // Named after the kind of file the user gave (a waiver file, a standard file…).
        struct Kind {
            std::string_view root, ja, en;
        };
        static constexpr Kind kinds[] = {
            {"school", "ファイル", "file"},
            {"waivers", "免除ファイル", "waiver file"},
            {"standard", "基準ファイル", "standard file"},
            {"clinic", "施術所の記述のファイル", "clinic file"},
        };
        Kind k = kinds[0];
        for (const auto& c : kinds)
            if (c.root == root) k = c;
        const std::string r(root);
        return fail(make_error(path, Loc{1, 1, {}}, std::string(k.ja) + "が空です", "the " + std::string(k.en) + " is empty",
                               "<" + r + "> 要素を持つXML文書", "an XML document with a <" + r + "> element"));
    }

    std::string_view b(bytes);
    Enc enc = Enc::utf8;
    std::size_t skip = 0;
    bool bom = false;
    if (b.substr(0, 3) == "\xEF\xBB\xBF") { skip = 3; bom = true; }
    else if (b.substr(0, 4) == std::string_view("\xFF\xFE\x00\x00", 4) || b.substr(0, 4) == std::string_view("\x00\x00\xFE\xFF", 4))
        return fail(make_error(path, Loc{1, 1, {}}, "UTF-32 のファイルは読めません", "UTF-32 files are not supported",
                               "UTF-8、BOM付きUTF-16、Shift_JIS(CP932)、EUC-JP", "UTF-8, UTF-16 with BOM, Shift_JIS (CP932) or EUC-JP"));
    else if (b.substr(0, 2) == "\xFF\xFE") { enc = Enc::utf16le; skip = 2; bom = true; }
    else if (b.substr(0, 2) == "\xFE\xFF") { enc = Enc::utf16be; skip = 2; bom = true; }
    else if (b.size() >= 2 && ((b[0] == '<' && b[1] == '\0') || (b[0] == '\0' && b[1] == '<')))
        return fail(make_error(path, Loc{1, 1, {}}, "BOMのないUTF-16のファイルは読めません",
                               "UTF-16 without a byte order mark is not supported",
                               "UTF-8、またはBOM付きUTF-16で保存したファイル", "a file saved as UTF-8, or as UTF-16 with a BOM"));

    std::string text;
    if (enc == Enc::utf16le || enc == Enc::utf16be) {
        Converted c = convert(path, b.substr(skip), enc);
        if (c.error) return fail(*c.error);
        text = std::move(c.text);
        Declaration d = read_declaration(text);
        if (!d.encoding.empty() && lower_ascii(d.encoding).rfind("utf-16", 0) != 0) {
            Loc loc = locate_in(text, d.encoding_offset);
            return fail(make_error(path, loc,
                                   "ファイルはUTF-16（BOMあり）ですが、XML宣言は encoding=\"" + d.encoding + "\" と宣言しています",
                                   "the file is UTF-16 (it has a BOM) but its XML declaration says encoding=\"" + d.encoding + "\"",
                                   "encoding=\"UTF-16\" または宣言なし", "encoding=\"UTF-16\" or no encoding declaration"));
        }
    } else {
        std::string_view rest = b.substr(skip);
        Declaration d = read_declaration(rest);
        if (!d.present) {
            // A declaration after spaces or line ends is not one: pugixml would
            // skip it and its encoding would be ignored (and advised again below).
            std::size_t first = rest.find_first_not_of(" \t\r\n");
            if (first != std::string_view::npos && first > 0 && rest.substr(first, 5) == "<?xml" &&
                (rest.size() == first + 5 || std::string_view(" \t\r\n").find(rest[first + 5]) != std::string_view::npos))
                return fail(misplaced_declaration(path, locate_in(rest, first)));
        }
        if (!d.encoding.empty()) enc = classify(d.encoding);
        if (enc == Enc::utf16le && !bom) {
            Loc loc = locate_in(rest, d.encoding_offset);
            return fail(make_error(path, loc,
                                   "XML宣言は encoding=\"" + d.encoding + "\" ですが、ファイルにBOMがなく、UTF-16で保存されていません",
                                   "the XML declaration says encoding=\"" + d.encoding +
                                       "\" but the file has no byte order mark and is not saved as UTF-16",
                                   "実際の文字コードどおりの宣言（UTF-8なら encoding=\"UTF-8\"）、またはBOM付きUTF-16で保存したファイル",
                                   "a declaration that matches the file (encoding=\"UTF-8\" for UTF-8), or a file saved as UTF-16 with a BOM"));
        }
        if (enc == Enc::unsupported) {
            Loc loc = locate_in(rest, d.encoding_offset);
            return fail(make_error(path, loc, "文字コード \"" + d.encoding + "\" には対応していません",
                                   "encoding \"" + d.encoding + "\" is not supported",
                                   "UTF-8、UTF-16（BOM付き）、Shift_JIS、CP932、EUC-JP",
                                   "UTF-8, UTF-16 (with BOM), Shift_JIS, CP932 or EUC-JP"));
        }
        if (bom && enc != Enc::utf8) {
            Loc loc = locate_in(rest, d.encoding_offset);
            return fail(make_error(path, loc,
                                   "ファイルはUTF-8（BOMあり）ですが、XML宣言は encoding=\"" + d.encoding + "\" と宣言しています",
                                   "the file is UTF-8 (it has a BOM) but its XML declaration says encoding=\"" + d.encoding + "\"",
                                   "encoding=\"UTF-8\"", "encoding=\"UTF-8\""));
        }
        if (enc == Enc::utf8) {
            if (auto err = validate_utf8(path, rest, true))
                return fail(*err);
            if (skip == 0) {
                text = std::move(bytes);  // no copy for the common case
            } else {
                bytes.erase(0, skip);
                text = std::move(bytes);
            }
        } else {
            // A file saved as UTF-8 under a Shift_JIS/EUC-JP declaration would
            // decode "successfully" into mojibake: refuse it rather than misread it.
            auto non_ascii = std::find_if(rest.begin(), rest.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
            if (non_ascii != rest.end() && !validate_utf8(path, rest, false)) {
                Loc loc = locate_in(rest, static_cast<std::size_t>(non_ascii - rest.begin()));
                return fail(make_error(path, loc,
                                       "XML宣言は encoding=\"" + d.encoding + "\" ですが、ファイルはUTF-8で保存されています",
                                       "the XML declaration says encoding=\"" + d.encoding + "\" but the file is saved as UTF-8",
                                       "実際の文字コードどおりの宣言（UTF-8なら encoding=\"UTF-8\"）",
                                       "a declaration that matches the file (encoding=\"UTF-8\" for UTF-8)"));
            }
            Converted c = convert(path, rest, enc);
            if (c.error) return fail(*c.error);
            text = std::move(c.text);
        }
    }
    if (enc != Enc::utf8) {
        // iconv accepts control characters; XML does not.
        if (auto err = validate_utf8(path, text, false)) return fail(*err);
    }
    std::string enc_name = enc == Enc::utf8 ? "UTF-8" : iconv_name(enc);
    r.source.emplace(path, std::move(text), std::move(enc_name));
    return r;
}

ReadResult read_source(const std::string& path, const ReadLimits& limits, std::string_view root) {
    ReadResult r;
    namespace fs = std::filesystem;
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        if (std::error_code lec; fs::is_symlink(fs::symlink_status(path, lec)))
            r.error = make_error(path, Loc{}, "シンボリックリンクの先にファイルがありません", "the symbolic link points to no file");
        else
            r.error = make_error(path, Loc{}, "ファイルが見つかりません", "file not found");
        return r;
    }
    if (fs::is_directory(status)) {
        r.error = make_error(path, Loc{}, "ディレクトリです（ファイルを指定してください）", "is a directory, not a file");
        return r;
    }
    // O_NONBLOCK: opening a FIFO that no one writes to must not hang; reads
    // then block as usual (a pipe with a writer, e.g. <(…), is read to its end;
    // one without a writer reads as empty).
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        r.error = make_error(path, Loc{}, std::string("ファイルを読めません: ") + system_error_text(e).ja,
                             std::string("cannot read the file: ") + system_error_text(e).en);
        return r;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    std::string bytes;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        auto size = static_cast<std::uintmax_t>(st.st_size);
        if (size > limits.max_file_bytes) {
            r.error = make_error(path, Loc{},
                                 "ファイルが大きすぎます（" + std::to_string(size) + " バイト、上限 " +
                                     std::to_string(limits.max_file_bytes) + " バイト。--max-file-size で変更できます）",
                                 "file too large (" + std::to_string(size) + " bytes, limit " +
                                     std::to_string(limits.max_file_bytes) + " bytes; change it with --max-file-size)");
            return r;
        }
        bytes.reserve(static_cast<std::size_t>(size));
    }
    if (bytes.capacity() > 0) {
        // Regular file of known size: read it straight into the string; the
        // loop below picks up anything appended since fstat.
        std::size_t want = bytes.capacity(), got = 0;
        bytes.resize(want);
        while (got < want) {
            ssize_t n = ::read(fd, bytes.data() + got, want - got);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                int e = errno;
                r.error = make_error(path, Loc{}, std::string("ファイルを読めません（読み込み中のエラー: ") + system_error_text(e).ja + "）",
                                     std::string("cannot read the file (I/O error: ") + system_error_text(e).en + ")");
                return r;
            }
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
        bytes.resize(got);
    }
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            r.error = make_error(path, Loc{}, std::string("ファイルを読めません（読み込み中のエラー: ") + system_error_text(e).ja + "）",
                                 std::string("cannot read the file (I/O error: ") + system_error_text(e).en + ")");
            return r;
        }
        if (n == 0) break;
        bytes.append(buf, static_cast<std::size_t>(n));
        if (bytes.size() > limits.max_file_bytes) {
            // Not a regular file (a pipe, /dev/zero…): stop at the limit.
            r.error = make_error(path, Loc{},
                                 "ファイルが大きすぎます（上限 " + std::to_string(limits.max_file_bytes) +
                                     " バイト。--max-file-size で変更できます）",
                                 "file too large (limit " + std::to_string(limits.max_file_bytes) +
                                     " bytes; change it with --max-file-size)");
            return r;
        }
    }
    return decode_source(path, std::move(bytes), root);
}

}  // namespace ahaki
