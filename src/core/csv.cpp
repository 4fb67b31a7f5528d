#include "core/csv.h"

#include <unordered_set>

namespace gongji::core {

std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<std::vector<size_t>> find_columns(const std::vector<std::string>& header,
                                                const std::vector<const char*>& names, std::string& missing) {
    std::vector<size_t> index;
    for (const char* name : names) {
        size_t i = 0;
        while (i < header.size() && trim_blanks(header[i]) != name) ++i;
        if (i == header.size()) {
            missing = name;
            return std::nullopt;
        }
        index.push_back(i);
    }
    return index;
}

std::optional<std::string> repeated_column(const std::vector<std::string>& header) {
    std::unordered_set<std::string_view> seen;  // one pass: a header of 100,000 columns took 26 s pairwise
    for (const auto& column : header) {
        auto name = trim_blanks(column);
        if (!name.empty() && !seen.insert(name).second) return std::string(name);
    }
    return std::nullopt;
}

CsvReader::CsvReader(std::string_view text) : text_(text) {}

bool CsvReader::next(std::vector<std::string>& fields) {
    // Skip blank lines between records.
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    malformed_ = false;

    size_t count = 0;
    auto field = [&]() -> std::string& {
        if (count == fields.size()) fields.emplace_back();
        auto& f = fields[count++];
        f.clear();
        return f;
    };
    for (;;) {
        std::string& f = field();
        if (pos_ < text_.size() && text_[pos_] == '"') {
            ++pos_;
            for (;;) {
                size_t quote = text_.find('"', pos_);
                if (quote == std::string_view::npos) {
                    for (size_t i = pos_; i < text_.size(); ++i)
                        if (text_[i] == '\n') ++line_;
                    f.append(text_.substr(pos_));
                    pos_ = text_.size();
                    malformed_ = true;
                    break;
                }
                for (size_t i = pos_; i < quote; ++i)
                    if (text_[i] == '\n') ++line_;
                f.append(text_.substr(pos_, quote - pos_));
                pos_ = quote + 1;
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    f += '"';
                    ++pos_;
                    continue;
                }
                break;
            }
            // Anything between the closing quote and the separator is kept, as spreadsheets do.
            while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
                f += text_[pos_++];
        } else {
            size_t end = text_.find_first_of(",\r\n", pos_);
            if (end == std::string_view::npos) end = text_.size();
            f.append(text_.substr(pos_, end - pos_));
            pos_ = end;
        }
        if (pos_ < text_.size() && text_[pos_] == ',') {
            ++pos_;
            continue;
        }
        break;
    }
    // End of record.
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') {
        ++pos_;
        ++line_;
    }
    fields.resize(count);
    return true;
}

}  // namespace gongji::core
