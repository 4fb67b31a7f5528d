#include "core/money.h"

namespace gongji::core {

std::optional<long long> parse_yuan(std::string_view t) {
    if (t.empty()) return std::nullopt;
    long long yuan = 0;
    size_t i = 0, int_digits = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++int_digits) {
        if (int_digits >= 12) return std::nullopt;  // a trillion 元 is not a personal account
        yuan = yuan * 10 + (t[i] - '0');
    }
    if (int_digits == 0) return std::nullopt;
    long long fen = 0;
    if (i < t.size()) {
        if (t[i] != '.') return std::nullopt;
        ++i;
        size_t decimals = t.size() - i;
        if (decimals == 0 || decimals > 2) return std::nullopt;
        for (size_t k = 0; k < 2; ++k) {
            int digit = 0;
            if (k < decimals) {
                char c = t[i + k];
                if (c < '0' || c > '9') return std::nullopt;
                digit = c - '0';
            }
            fen = fen * 10 + digit;
        }
    }
    return yuan * 100 + fen;
}

std::string format_yuan(long long fen) {
    bool negative = fen < 0;
    unsigned long long v = negative ? 0ULL - static_cast<unsigned long long>(fen)
                                    : static_cast<unsigned long long>(fen);
    std::string cents = std::to_string(v % 100);
    if (cents.size() < 2) cents.insert(0, "0");
    return (negative ? "-" : "") + std::to_string(v / 100) + "." + cents;
}

}  // namespace gongji::core
