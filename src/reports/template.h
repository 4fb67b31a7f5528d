#pragma once
// Report templates (reports/*.tpl): a line-oriented layout an administrator can edit without
// rebuilding. One directive per line; `#` starts a comment; `{name}` inserts a field.
//
//   title TEXT                      the document's title, large and centred
//   heading TEXT                    a bold section heading
//   text TEXT                       a paragraph, wrapped to the page
//   field LABEL | VALUE             a label and its value on one line
//   list TABLE … item TEXT … end    one numbered line per row of TABLE
//   table TABLE … column HEADER | CELL | WIDTH_MM [| right] … end
//                                   a table whose header repeats on every page
//   signature LABEL                 a line to sign on, with a date line
//   qrcode TEXT                     a QR code of the text
//   chart bar|line TABLE | LABEL | VALUE | HEIGHT_MM
//                                   one bar (or point of a line) per row of TABLE: LABEL under
//                                   it, VALUE (a number, e.g. {amount}) its height
//   space MM                        vertical space
//   if FIELD … endif                the lines between only when FIELD is not empty
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace gongji::reports {

// A template that cannot be used; names the file and line.
class TemplateError : public std::runtime_error {
public:
    TemplateError(const std::string& source, int line, const std::string& message)
        : std::runtime_error(source + ":" + std::to_string(line) + ": " + message), line_(line) {}
    int line() const { return line_; }

private:
    int line_;
};

struct Column {
    std::string header, cell;
    double width_mm = 20;
    bool right = false;
};

struct Directive {
    enum class Kind { title, heading, text, field, list, table, signature, qrcode, space, conditional, chart };
    Kind kind = Kind::text;
    int line = 0;
    std::string a, b;                // text / label / value / table name / field name
    double mm = 0;                   // space, chart height
    std::vector<Column> columns;     // table; chart: the label and the value (their cells)
    std::vector<Directive> body;     // list items, conditional contents
};

struct Template {
    std::string source;  // file name, for messages
    std::vector<Directive> directives;
};

Template parse_template(const std::string& text, const std::string& source);

// The data a document is filled with: fields, and tables of rows (each a set of fields).
struct ReportData {
    std::map<std::string, std::string> fields;
    std::map<std::string, std::vector<std::map<std::string, std::string>>> tables;
};

// Replaces {name} by the row's field, else the document's; TemplateError naming the line when a
// field is unknown.
std::string fill(const std::string& text, const ReportData& data, const std::map<std::string, std::string>* row,
                 const std::string& source, int line);

}  // namespace gongji::reports
