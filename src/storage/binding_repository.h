#pragma once
// Bindings (共济关系): authorizer → user, pending, active or ended.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace gongji::storage {

struct BindingRecord {
    long long id = 0;
    std::string authorizer_id;
    std::string user_id;
    std::string relation;
    std::string policy;
    std::string status;  // pending, active, ended
    bool legacy = false;
    int deduction_order = 1;
    std::string created_at;
    std::optional<std::string> since;
    std::optional<std::string> until;
    std::optional<std::string> end_reason;
};

class BindingRepository {
public:
    explicit BindingRepository(Database& db) : db_(db) {}

    long long insert(const BindingRecord& binding);  // returns the new id
    // Pending and active bindings, as the limits of §5 count them.
    int count_open_as_authorizer(const std::string& id_number);
    int count_open_as_user(const std::string& id_number);
    bool open_pair_exists(const std::string& authorizer_id, const std::string& user_id);
    std::vector<BindingRecord> list_by_authorizer(const std::string& id_number);
    std::vector<BindingRecord> list_by_user(const std::string& id_number);
    // Ends every open binding where either person is terminated (status 4), reason "auto".
    int end_for_terminated_persons(const std::string& now);

private:
    std::vector<BindingRecord> list_where(const std::string& column, const std::string& id_number);
    Database& db_;
};

}  // namespace gongji::storage
