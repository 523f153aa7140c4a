#include "rules/finding.hpp"

namespace ahaki {

std::string_view severity_code(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::review: return "review";
        case Severity::info: return "info";
    }
    return "error";
}

Text severity_text(Severity s) {
    switch (s) {
        case Severity::error: return {"エラー", "error"};
        case Severity::warning: return {"警告", "warning"};
        case Severity::review: return {"要確認", "review"};
        case Severity::info: return {"情報", "info"};
    }
    return {"エラー", "error"};
}

int severity_rank(Severity s) {
    switch (s) {
        case Severity::error: return 3;
        case Severity::warning: return 2;
        case Severity::review: return 1;
        case Severity::info: return 0;
    }
    return 3;
}

std::string_view status_code(Status s) {
    switch (s) {
        case Status::compliant: return "compliant";
        case Status::non_compliant: return "non-compliant";
        case Status::needs_review: return "needs-review";
        case Status::not_checked: return "not-checked";
    }
    return "not-checked";
}

Text status_text(Status s) {
    switch (s) {
        case Status::compliant: return {"適合", "compliant"};
        case Status::non_compliant: return {"不適合", "non-compliant"};
        case Status::needs_review: return {"要確認", "needs review"};
        case Status::not_checked: return {"未確認", "not checked"};
    }
    return {"未確認", "not checked"};
}

std::string_view basis_code(Basis b) {
    switch (b) {
        case Basis::computed: return "computed";
        case Basis::declared: return "declared";
        case Basis::not_checked: return "not-checked";
    }
    return "not-checked";
}

Text basis_text(Basis b) {
    switch (b) {
        case Basis::computed: return {"記載事項から計算", "computed from the facts described"};
        case Basis::declared: return {"申告", "declared"};
        case Basis::not_checked: return {"未確認", "not checked"};
    }
    return {"未確認", "not checked"};
}

Text status_text(Status s, Basis b) {
    if (b != Basis::declared) return status_text(s);
    switch (s) {
        case Status::compliant: return {"適合（申告）", "compliant (declared)"};
        case Status::non_compliant: return {"不適合（申告）", "non-compliant (declared)"};
        case Status::needs_review: return {"要確認（申告）", "needs review (declared)"};
        case Status::not_checked: break;
    }
    return status_text(s);
}

}  // namespace ahaki
