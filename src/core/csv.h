#pragma once
// RFC 4180 records from a UTF-8 buffer: quoted fields, doubled quotes, CRLF or LF, newlines
// inside quotes. Fields are reused between records so a million-line file allocates little.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongji::core {

// A field without the blanks around it.
std::string_view trim_blanks(std::string_view s);

// The position of each of `names` in a header line (blanks ignored); nullopt with `missing` set
// to the first name not found.
std::optional<std::vector<size_t>> find_columns(const std::vector<std::string>& header,
                                                const std::vector<const char*>& names, std::string& missing);

// The first name a header line gives to two columns (blanks ignored), if any: which of the two
// holds the value would be a guess.
std::optional<std::string> repeated_column(const std::vector<std::string>& header);

class CsvReader {
public:
    explicit CsvReader(std::string_view text);
    explicit CsvReader(const char* text) : CsvReader(std::string_view(text)) {}
    CsvReader(std::string&&) = delete;  // the reader keeps a view: the text must outlive it

    // Reads the next record into `fields`; false at the end. Blank lines are skipped.
    bool next(std::vector<std::string>& fields);
    // The 1-based line on which the record last read starts.
    size_t line() const { return record_line_; }
    // Whether the record last read had an unterminated quote (it ran to the end of the text).
    bool malformed() const { return malformed_; }
    // Bytes consumed so far, for progress.
    size_t position() const { return pos_; }

private:
    std::string_view text_;
    size_t pos_ = 0;
    size_t line_ = 1;
    size_t record_line_ = 0;
    bool malformed_ = false;
};

}  // namespace gongji::core
