#include "reports/template.h"

#include <sstream>

namespace gongji::reports {
namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

std::vector<std::string> split_bars(const std::string& s) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, '|')) parts.push_back(trim(part));
    if (!s.empty() && s.back() == '|') parts.push_back("");
    return parts;
}

// Braces must pair up and enclose a name; checked when the template is read.
void check_placeholders(const std::string& text, const std::string& source, int line) {
    size_t pos = 0;
    while ((pos = text.find_first_of("{}", pos)) != std::string::npos) {
        if (text[pos] == '}') throw TemplateError(source, line, "“}” without “{”");
        auto close = text.find('}', pos);
        if (close == std::string::npos) throw TemplateError(source, line, "“{” without “}”");
        auto name = text.substr(pos + 1, close - pos - 1);
        if (name.empty() || name.find_first_of("{ \t") != std::string::npos)
            throw TemplateError(source, line, "“{" + name + "}” is not a field name");
        pos = close + 1;
    }
}

class Parser {
public:
    Parser(const std::string& text, const std::string& source) : source_(source) {
        std::istringstream in(text);
        std::string l;
        while (std::getline(in, l)) lines_.push_back(l);
    }

    std::vector<Directive> block(const char* closing, int opened_at) {
        std::vector<Directive> out;
        while (next_ < lines_.size()) {
            int number = static_cast<int>(++next_);
            auto line = trim(lines_[next_ - 1]);
            if (line.empty() || line[0] == '#') continue;
            auto space = line.find_first_of(" \t");
            auto word = line.substr(0, space);
            auto rest = space == std::string::npos ? std::string() : trim(line.substr(space));
            if (closing && word == closing) return out;
            if (word == "end" || word == "endif")
                throw TemplateError(source_, number, "“" + word + "” without a block to close");
            out.push_back(directive(word, rest, number));
        }
        if (closing)
            throw TemplateError(source_, opened_at, std::string("this block has no closing “") + closing + "”");
        return out;
    }

private:
    Directive directive(const std::string& word, const std::string& rest, int line) {
        Directive d;
        d.line = line;
        auto need_text = [&] {
            if (rest.empty()) throw TemplateError(source_, line, "“" + word + "” needs a text");
            check_placeholders(rest, source_, line);
            d.a = rest;
        };
        using K = Directive::Kind;
        if (word == "title") { d.kind = K::title; need_text(); }
        else if (word == "heading") { d.kind = K::heading; need_text(); }
        else if (word == "text") { d.kind = K::text; need_text(); }
        else if (word == "signature") { d.kind = K::signature; need_text(); }
        else if (word == "qrcode") { d.kind = K::qrcode; need_text(); }
        else if (word == "field") {
            d.kind = K::field;
            auto parts = split_bars(rest);
            if (parts.size() != 2 || parts[0].empty()) throw TemplateError(source_, line, "expected “field LABEL | VALUE”");
            check_placeholders(parts[0], source_, line);
            check_placeholders(parts[1], source_, line);
            d.a = parts[0];
            d.b = parts[1];
        } else if (word == "space") {
            d.kind = K::space;
            try {
                size_t used = 0;
                d.mm = std::stod(rest, &used);
                if (used != rest.size() || d.mm <= 0 || d.mm > 200) throw std::invalid_argument("range");
            } catch (const std::exception&) {
                throw TemplateError(source_, line, "“space” needs millimetres between 0 and 200");
            }
        } else if (word == "if") {
            d.kind = K::conditional;
            if (rest.empty() || rest.find_first_of(" {}") != std::string::npos)
                throw TemplateError(source_, line, "“if” needs one field name");
            d.a = rest;
            d.body = block("endif", line);
        } else if (word == "list") {
            d.kind = K::list;
            if (rest.empty()) throw TemplateError(source_, line, "“list” needs a table name");
            d.a = rest;
            for (auto& item : block("end", line)) {
                if (item.kind != K::text || item.b != "item")
                    throw TemplateError(source_, item.line, "only “item” lines belong in a list");
                d.body.push_back(item);
            }
        } else if (word == "item") {
            d.kind = K::text;
            need_text();
            d.b = "item";
        } else if (word == "table") {
            d.kind = K::table;
            if (rest.empty()) throw TemplateError(source_, line, "“table” needs a table name");
            d.a = rest;
            table_columns(d);
        } else if (word == "chart") {
            chart(d, rest);
        } else if (word == "column") {
            throw TemplateError(source_, line, "“column” belongs inside a table");
        } else {
            throw TemplateError(source_, line, "unknown directive “" + word + "”");
        }
        return d;
    }

    // chart bar|line TABLE | LABEL | VALUE | HEIGHT_MM
    void chart(Directive& d, const std::string& rest) {
        d.kind = Directive::Kind::chart;
        const int line = d.line;
        auto space = rest.find_first_of(" \t");
        d.b = rest.substr(0, space);
        if (d.b != "bar" && d.b != "line") throw TemplateError(source_, line, "a chart is “bar” or “line”");
        auto parts = split_bars(space == std::string::npos ? std::string() : trim(rest.substr(space)));
        if (parts.size() != 4 || parts[0].empty())
            throw TemplateError(source_, line, "expected “chart bar|line TABLE | LABEL | VALUE | HEIGHT_MM”");
        d.a = parts[0];
        for (int i : {1, 2}) {
            check_placeholders(parts[static_cast<size_t>(i)], source_, line);
            Column c;
            c.cell = parts[static_cast<size_t>(i)];
            d.columns.push_back(c);
        }
        try {
            size_t used = 0;
            d.mm = std::stod(parts[3], &used);
            if (used != parts[3].size() || d.mm < 20 || d.mm > 200) throw std::invalid_argument("range");
        } catch (const std::exception&) {
            throw TemplateError(source_, line, "a chart's height must be millimetres between 20 and 200");
        }
    }

    void table_columns(Directive& table) {
        while (next_ < lines_.size()) {
            int number = static_cast<int>(++next_);
            auto line = trim(lines_[next_ - 1]);
            if (line.empty() || line[0] == '#') continue;
            if (line == "end") {
                if (table.columns.empty()) throw TemplateError(source_, table.line, "a table needs columns");
                return;
            }
            if (line.rfind("column", 0) != 0)
                throw TemplateError(source_, number, "only “column” lines belong in a table");
            auto parts = split_bars(trim(line.substr(6)));
            if (parts.size() < 3 || parts.size() > 4)
                throw TemplateError(source_, number, "expected “column HEADER | CELL | WIDTH_MM [| right]”");
            Column c;
            c.header = parts[0];
            c.cell = parts[1];
            check_placeholders(c.header, source_, number);
            check_placeholders(c.cell, source_, number);
            try {
                size_t used = 0;
                c.width_mm = std::stod(parts[2], &used);
                if (used != parts[2].size() || c.width_mm <= 0 || c.width_mm > 200) throw std::invalid_argument("");
            } catch (const std::exception&) {
                throw TemplateError(source_, number, "column width must be millimetres between 0 and 200");
            }
            if (parts.size() == 4) {
                if (parts[3] != "right" && parts[3] != "left")
                    throw TemplateError(source_, number, "alignment must be “left” or “right”");
                c.right = parts[3] == "right";
            }
            table.columns.push_back(c);
        }
        throw TemplateError(source_, table.line, "this table has no closing “end”");
    }

    std::string source_;
    std::vector<std::string> lines_;
    size_t next_ = 0;
};

}  // namespace

Template parse_template(const std::string& text, const std::string& source) {
    Parser parser(text, source);
    return {source, parser.block(nullptr, 0)};
}

std::string fill(const std::string& text, const ReportData& data, const std::map<std::string, std::string>* row,
                 const std::string& source, int line) {
    std::string out;
    size_t pos = 0;
    while (true) {
        auto open = text.find('{', pos);
        if (open == std::string::npos) break;
        auto close = text.find('}', open);
        out += text.substr(pos, open - pos);
        auto name = text.substr(open + 1, close - open - 1);
        const std::string* value = nullptr;
        if (row)
            if (auto it = row->find(name); it != row->end()) value = &it->second;
        if (!value)
            if (auto it = data.fields.find(name); it != data.fields.end()) value = &it->second;
        if (!value) throw TemplateError(source, line, "no field “" + name + "” in this document");
        out += *value;
        pos = close + 1;
    }
    return out + text.substr(pos);
}

}  // namespace gongji::reports
