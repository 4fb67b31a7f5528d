#pragma once
// Settings configured once for the agency, and the log of printed documents.
#include <map>
#include <optional>
#include <string>

#include "storage/database.h"

namespace gongji::storage {

class SettingsRepository {
public:
    explicit SettingsRepository(Database& db) : db_(db) {}
    std::optional<std::string> get(const std::string& name);
    std::map<std::string, std::string> all();  // in one query
    void set(const std::string& name, const std::string& value);
    void record_print(const std::string& document, const std::string& subject, int pages, const std::string& by,
                      const std::string& workstation, const std::string& at);
    long long prints_of(const std::string& subject);

private:
    Database& db_;
};

}  // namespace gongji::storage
