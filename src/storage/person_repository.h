#pragma once
// The roster: persons keyed by their (normalized) ID number. They are written by RosterWriter.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/person.h"
#include "storage/database.h"

namespace gongji::storage {

class PersonRepository {
public:
    explicit PersonRepository(Database& db);
    ~PersonRepository();

    std::optional<core::Person> find(const std::string& id_number);
    // Two people in one round trip (an authorizer and a user): those found, by ID number.
    std::map<std::string, core::Person> find_two(const std::string& first, const std::string& second);
    // The names of these people, in one query; those not in the roster are left out.
    std::map<std::string, std::string> names_of(const std::vector<std::string>& id_numbers);
    // Locks these people until the transaction ends (PostgreSQL; SQLite's immediate transactions
    // already run one at a time), in key order so two workstations never deadlock. Every
    // decision that depends on a person's bindings takes this lock first.
    void lock(std::vector<std::string> id_numbers);
    long long count();
    // What settlement needs of every person, in one pass over the roster.
    struct Account {
        std::string id_number, insurance_type, pooling_region;
        long long balance_fen = 0;
        std::string settled_through;  // UTC text of the latest settlement applied; empty for none
    };
    void for_each_account(const std::function<void(Account&&)>& each);
    std::optional<Account> account(const std::string& id_number);

private:
    struct Statements;
    Database& db_;
    std::unique_ptr<Statements> st_;  // prepared once, reused for every row
};

}  // namespace gongji::storage
