#pragma once
// An enumeration's codes in one table: each value, the code that files, the database and the CLI
// use for it, and its Chinese label on papers. The name, label and parse functions of the core
// read such a table, so a new value is one line and the three cannot disagree.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gongji::core {

template <class E>
struct Coded {
    E value;
    const char* code;
    const char* label = "";
};

template <class E, std::size_t N>
struct CodeTable {
    Coded<E> rows[N];

    // The value's code; "" for a value not in the table.
    const char* code(E value) const {
        for (const auto& r : rows)
            if (r.value == value) return r.code;
        return "";
    }
    const char* label(E value) const {
        for (const auto& r : rows)
            if (r.value == value) return r.label;
        return "";
    }
    std::optional<E> parse(std::string_view code) const {
        for (const auto& r : rows)
            if (code == r.code) return r.value;
        return std::nullopt;
    }
    // "a, b, c or d": the codes, for a message saying what a field takes.
    std::string listed() const {
        std::string out;
        for (std::size_t i = 0; i < N; ++i) out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(rows[i].code);
        return out;
    }
    const Coded<E>* begin() const { return rows; }
    const Coded<E>* end() const { return rows + N; }
};

}  // namespace gongji::core
