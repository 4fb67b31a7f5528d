#pragma once
// Policy profiles, stored as their validated JSON document (domain.md §4).
#include <optional>
#include <string>
#include <vector>

#include "core/instant.h"
#include "storage/database.h"

namespace gongji::storage {

struct StoredPolicy {
    std::string name;
    std::string title;
    std::string document;  // JSON
    core::Instant updated_at;
};

class PolicyRepository {
public:
    explicit PolicyRepository(Database& db) : db_(db) {}
    // Returns true when the profile was new, false when it replaced one of the same name.
    bool save(const StoredPolicy& policy);
    std::optional<StoredPolicy> find(const std::string& name);
    std::vector<StoredPolicy> list();

private:
    Database& db_;
};

}  // namespace gongji::storage
