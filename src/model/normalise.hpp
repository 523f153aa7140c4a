#pragma once
// Folding of the text people type into the same key, for comparing what two
// descriptions (or a description and the standard data) call the same thing:
// the compatibility forms NFKC folds that occur in Japanese office documents
// (full-width ASCII, half-width katakana, circled digits, roman numerals),
// white space and zero-width characters, and the many dash characters. Not a
// full NFKC: the tables cover what names, numbers and addresses contain.
#include <string>
#include <string_view>

namespace ahaki {

/// Width-folded text: full-width ASCII to ASCII, half-width katakana to
/// katakana (with voiced marks composed), ①→1, Ⅳ→IV, dashes to '-', zero-width
/// characters removed; ASCII letters lower-cased. White space is removed when
/// `keep_spaces` is false, else runs of it become one ASCII space.
std::string fold_text(std::string_view s, bool keep_spaces = false);

/// A licence or registration number: folded, spaces removed, and the 第…号
/// wrapping (第 12345 号, No. 12345) taken off: "第１２３４５号" → "12345".
std::string licence_number_key(std::string_view s);

/// A person's name: folded, all white space removed ("山田　太郎" = "山田太郎").
std::string person_name_key(std::string_view s);

/// A postal address: folded, spaces removed, a leading 〒 and postal code
/// dropped, 丁目/番地/番/号 after a number written as '-', kanji numerals
/// before 丁目 as digits: "西新宿二丁目8番1号" = "西新宿2-8-1".
std::string address_key(std::string_view s);

}  // namespace ahaki
