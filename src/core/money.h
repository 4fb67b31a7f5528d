#pragma once
// Money is integer fen (1 元 = 100 分); files carry 元 with at most two decimals.
#include <optional>
#include <string>
#include <string_view>

namespace gongji::core {

// "1523.40", "1523.4", "1523" → fen; nullopt for a negative, malformed or absurd amount.
std::optional<long long> parse_yuan(std::string_view text);
// 152340 → "1523.40"
std::string format_yuan(long long fen);

}  // namespace gongji::core
