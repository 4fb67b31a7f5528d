#include "app/trust/data_reads.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace gongji::app {

DataRead data_read(const core::AuditEntry& entry) {
    DataRead read;
    read.record = entry.after;
    Poco::JSON::Object::Ptr o;
    try {
        o = Poco::JSON::Parser().parse(entry.after).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        return read;
    }
    auto field = [&](const char* key) { return o->has(key) ? o->getValue<std::string>(key) : std::string(); };
    if (entry.action == "document.view") {
        read.what = DataRead::What::paper;
        read.paper_type_code = field("type");
        read.paper_type = core::parse_document_type(read.paper_type_code);
        read.paper_case = field("case");
        return read;
    }
    const auto what = field("what");
    if (what == "card") read.what = DataRead::What::card;
    if (what == "bindings_as_user") read.what = DataRead::What::bindings_as_user;
    if (what == "bindings_as_authorizer") read.what = DataRead::What::bindings_as_authorizer;
    if (what.rfind("statement_as_", 0) == 0) {
        read.what = DataRead::What::statement;
        read.from = field("from");
        read.to = field("to");
        read.printed = field("how") == "printed";
    }
    return read;
}

}  // namespace gongji::app
