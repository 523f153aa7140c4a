#pragma once
// The standard as data. Every regulated number lives in a data file under
// schemas/standards/ together with its provenance; this is its in-memory form.
// Rules read thresholds through Standard::get(), never from literals.
#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/codes.hpp"
#include "model/date.hpp"
#include "model/decimal.hpp"
#include "model/text.hpp"

namespace ahaki {

/// Where a number comes from (see shared reference standard.md). ASSUMED (issue 10,
/// item 8): a value that rests on a reading of an incomplete or silent source, not on
/// arithmetic (DERIVED) nor on a text (SEED, ORD); findings resting on it say so.
/// ADVISORY: a source gives the value only as what others instruct (seed 002 第7章,
/// 「参考にされたい」); a finding resting on it is at most a warning and says so.
/// INTERPRETED: the project's reading of a clause that gives no table (e.g. which university
/// fields "include" a subject).
enum class Provenance { seed, ord, gl_hk, derived, unknown, interpreted, assumed, advisory };
std::string_view provenance_code(Provenance p);  ///< SEED, ORD, GL-HK, DERIVED, UNKNOWN, INTERPRETED, ASSUMED, ADVISORY
/// What the mark means, for people (the `standard` command).
Text provenance_text(Provenance p);
std::optional<Provenance> parse_provenance(std::string_view code);

/// Which qualifiers a parameter is indexed by.
enum class Dim : unsigned { none = 0, type = 1, area = 2, method = 4, item = 8 };
constexpr Dim operator|(Dim a, Dim b) { return static_cast<Dim>(static_cast<unsigned>(a) | static_cast<unsigned>(b)); }
constexpr bool has(Dim set, Dim d) { return (static_cast<unsigned>(set) & static_cast<unsigned>(d)) != 0; }

enum class ParamKind { decimal, time, text };

/// The catalogue of parameters a standard file must define. Adding a rule that
/// needs a new number means adding its key here and its rows to the data file.
struct ParamSpec {
    std::string_view key;
    Dim dims;
    ParamKind kind;
    std::string_view unit_ja;
    std::string_view unit_en;
    /// For Dim::item: the allowed item codes (space separated).
    std::string_view items = {};
    /// For ParamKind::text read as words (issue 10, item 8): the words a value may be made of
    /// (space separated); empty: any text. The loader refuses other words with their location.
    std::string_view words = {};
};
std::span<const ParamSpec> param_specs();
const ParamSpec* find_param_spec(std::string_view key);

/// One number of the standard, with where it came from.
struct Threshold {
    std::optional<Decimal> value;  ///< empty when the provenance is UNKNOWN (or for text)
    std::string text;              ///< for ParamKind::text
    Provenance provenance = Provenance::unknown;
    std::string clause;  ///< e.g. 認定規則 別表第一, 指導要領 8(4)
    std::string note;    ///< how a DERIVED number was derived, or why UNKNOWN
    bool known() const { return provenance != Provenance::unknown; }
};

struct ParamKey {
    std::string_view key;
    std::optional<FacilityType> type = std::nullopt;
    std::optional<Area> area = std::nullopt;
    std::optional<Method> method = std::nullopt;
    std::string_view item = {};
};

/// A list the standard requires a school to hold (the equipment of 指導要領 別表):
/// items with a minimum quantity. Its provenance may be UNKNOWN, with no items.
struct ListItem {
    std::string code;
    Text name;
    Decimal min_quantity;
};
struct StandardList {
    std::string key;
    Provenance provenance = Provenance::unknown;
    std::string clause;
    std::string note;
    std::vector<ListItem> items;
    bool known() const { return provenance != Provenance::unknown; }
};
/// The lists a standard file must define (like param_specs() for numbers).
std::span<const std::string_view> list_keys();

/// A 教科 of the 高等学校 teacher licence (教育職員免許法 第4条), with the words a
/// licence's recorded 教科 may use for it (folded: model/normalise.hpp).
struct LicenceSubject {
    std::string code;                  ///< e.g. 外国語
    std::vector<std::string> aliases;  ///< e.g. 外国語 英語 ドイツ語
};

/// What the mapping says about a subject and 6(3)ア (dentists: not 臨床医学).
enum class ClinicalMedicine { yes, no, unsure };

/// One kind of subject a school teaches, recognised by words of its name, with the
/// university fields and licence 教科 that include it (指導要領 6(2)–(4): "担当科目を
/// 含む分野", "相当教科"). Words are folded; a word found inside a longer word of
/// the same table does not count (医学 in 東洋医学, 化学 in 生化学).
struct SubjectField {
    std::string key;
    Text name;
    std::vector<Area> areas;                   ///< empty: any area
    std::vector<std::string> patterns;         ///< words of subject names
    std::vector<std::string> fields;           ///< a field with one of these includes the subject
    std::vector<std::string> fields_review;    ///< may include it: a person decides
    std::vector<std::string> licences;         ///< 教科 codes that match the subject
    std::vector<std::string> licences_review;  ///< 教科 codes that may match: a person decides
    ClinicalMedicine clinical_medicine = ClinicalMedicine::unsure;
    bool rehabilitation = false;               ///< リハビリテーション医学 (6(3)カ)
};

/// The mapping from subjects to fields and 教科, with its provenance (an
/// interpretation: INTERPRETED). Absent from a standard file: every field check is a review.
struct SubjectFieldMap {
    bool present = false;
    Provenance provenance = Provenance::interpreted;
    std::string clause;
    std::string note;
    std::vector<LicenceSubject> licence_subjects;
    std::vector<SubjectField> subjects;
};

class Standard {
public:
    std::string id;
    Text title;
    Date applies_from;       ///< first intake (入学) this standard applies to
    std::string origin;      ///< "embedded" or the path it was read from

    /// The threshold for a key; every key of param_specs() is guaranteed present
    /// once the standard has loaded (the loader refuses incomplete files).
    const Threshold& get(const ParamKey& k) const;
    const Threshold* find(const ParamKey& k) const;
    /// A list of list_keys(); guaranteed present once loaded.
    const StandardList& list(std::string_view key) const;
    std::vector<StandardList> lists;
    /// Subjects to university fields and licence 教科 (指導要領 6(2)–(4)).
    SubjectFieldMap subject_fields;

    // Loader interface.
    struct Entry {
        std::string key;
        int type = -1, area = -1, method = -1;
        std::string item;
        Threshold t;
    };
    std::vector<Entry> entries;  ///< sorted by (key, type, area, method, item) after finalize()
    void finalize();

private:
    /// Built by finalize(): where each key's entries are, so find() compares
    /// the key string once per key rather than at every step of a binary search.
    struct KeyRange {
        std::string key;
        std::size_t begin, end;
    };
    std::vector<KeyRange> key_ranges_;
    std::size_t indexed_size_ = static_cast<std::size_t>(-1);
};

/// All editions of the standard known to a run, oldest first.
class StandardSet {
public:
    std::vector<Standard> editions;
    /// The edition for a course's first intake: the newest one whose
    /// applies_from is not after the intake. No intake: the newest edition.
    const Standard* select(const std::optional<Date>& intake) const;
};

}  // namespace ahaki
