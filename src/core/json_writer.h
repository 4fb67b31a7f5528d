#pragma once
// A small streaming JSON writer: UTF-8 passes through unescaped, keys keep their order.
#include <string>
#include <string_view>
#include <vector>

namespace gongji::core {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(long long number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    // A value that is already JSON (one document, written by another JsonWriter).
    JsonWriter& raw(std::string_view json);

    const std::string& str() const { return out_; }

private:
    JsonWriter& open(char bracket);
    JsonWriter& close(char bracket);
    void before_value();
    void newline();
    void append_string(std::string_view text);

    std::string out_;
    std::vector<bool> has_items_;  // per open container
    bool after_key_ = false;
    bool pretty_;
};

}  // namespace gongji::core
