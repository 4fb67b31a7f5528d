#pragma once
// A new version's first start on a database an older one made (docs/packaging.md): the embedded
// database of a window is upgraded there and then; the agency's shared PostgreSQL is upgraded by
// its owner with `gongji init`, never by whichever window starts first while the others still
// run the old version. Either way an embedded database is first copied, as it was, beside itself.
#include <optional>
#include <string>

#include "app/platform/workspace.h"

namespace gongji::app {

struct SchemaUpgrade {
    int from_version = 0, to_version = 0;
    std::string copy;  // the database as it was, beside it ("" for PostgreSQL)
};

// Nothing when the schema is current. SchemaMismatch for a database with no schema yet, for a
// PostgreSQL database behind the program and for one newer than the program (a downgrade);
// StorageError for a copy that cannot be written. Then nothing was changed.
std::optional<SchemaUpgrade> upgrade_on_start(Workspace& ws);

// While held, no other program on this machine upgrades the same embedded database: two windows
// started at once on an old database upgrade it once (the second then finds it current). An
// exclusive flock(2) on the folder that holds the database, never on the file itself: closing a
// descriptor of the database file would drop this process's SQLite locks with it. Nothing for
// PostgreSQL, whose migrations each run in one transaction.
class UpgradeLock {
public:
    explicit UpgradeLock(const Workspace& ws);
    ~UpgradeLock();
    UpgradeLock(const UpgradeLock&) = delete;
    UpgradeLock& operator=(const UpgradeLock&) = delete;

private:
    int fd_ = -1;
};

// Before an existing database is migrated (by the above or by `gongji init`): an embedded one is
// copied to FILE.schema-N beside it, N its version now, and the copy's path returned; "" for
// PostgreSQL, which its owner backs up with pg_dump. StorageError when the copy cannot be made.
std::string keep_copy_before_upgrade(Workspace& ws, int version);

}  // namespace gongji::app
