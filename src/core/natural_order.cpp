#include "core/natural_order.h"

namespace gongji::core {

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            auto si = i, sj = j;
            while (si < a.size() && a[si] == '0') ++si;  // leading zeros count for nothing
            while (sj < b.size() && b[sj] == '0') ++sj;
            auto ei = si, ej = sj;
            while (ei < a.size() && digit(a[ei])) ++ei;
            while (ej < b.size() && digit(b[ej])) ++ej;
            if (ei - si != ej - sj) return ei - si < ej - sj;  // fewer digits: the smaller number
            if (auto c = a.substr(si, ei - si).compare(b.substr(sj, ej - sj)); c != 0) return c < 0;
            if (ei - i != ej - j) return ei - i < ej - j;  // 窗口2 before 窗口02: equal value, fewer zeros first
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

}  // namespace gongji::core
