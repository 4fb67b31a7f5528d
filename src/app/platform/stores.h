#pragma once
// The repositories behind a Workspace. The application layer's own: ui and cli never include
// this header (the build forbids it), so every way to the database goes through a use case.
#include "app/platform/workspace.h"
#include "storage/audit_repository.h"
#include "storage/binding_repository.h"
#include "storage/calendar_repository.h"
#include "storage/card_read_repository.h"
#include "storage/case_repository.h"
#include "storage/code_table_repository.h"
#include "storage/document_repository.h"
#include "storage/intake_repository.h"
#include "storage/database.h"
#include "storage/ledger_repository.h"
#include "storage/person_repository.h"
#include "storage/policy_repository.h"
#include "storage/rating_repository.h"
#include "storage/recorded_repository.h"
#include "storage/settings_repository.h"
#include "storage/stats_repository.h"
#include "storage/user_repository.h"

namespace gongji::app {

struct Stores {
    explicit Stores(std::unique_ptr<storage::Database> database)
        : db(std::move(database)), persons(*db), policies(*db), bindings(*db), cases(*db), users(*db), codes(*db),
          documents(*db), card_reads(*db), ledger(*db), audit(*db), settings(*db), recorded(*db), stats(*db), calendar(*db), intake(*db), ratings(*db) {}

    std::unique_ptr<storage::Database> db;
    storage::PersonRepository persons;
    storage::PolicyRepository policies;
    storage::BindingRepository bindings;
    storage::CaseRepository cases;
    storage::UserRepository users;
    storage::CodeTableRepository codes;
    storage::DocumentRepository documents;
    storage::CardReadRepository card_reads;
    storage::LedgerRepository ledger;
    storage::AuditRepository audit;
    storage::SettingsRepository settings;
    storage::RecordedRepository recorded;
    storage::StatsRepository stats;
    storage::CalendarRepository calendar;
    storage::IntakeRepository intake;
    storage::RatingRepository ratings;
};

inline Stores& stores(Workspace& ws) { return ws.live_stores(); }
inline storage::Database& database(Workspace& ws) { return *ws.live_stores().db; }

}  // namespace gongji::app
