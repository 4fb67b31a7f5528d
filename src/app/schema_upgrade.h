#pragma once
// A new version's first start on a database an older one made (docs/packaging.md): the embedded
// database of a window is upgraded there and then, after a copy of it is kept beside it; the
// agency's shared PostgreSQL is upgraded by its owner with `gongji init`, never by whichever
// window starts first while the others still run the old version.
#include <optional>
#include <string>

#include "app/workspace.h"

namespace gongji::app {

struct SchemaUpgrade {
    int from_version = 0, to_version = 0;
    std::string copy;  // the database as it was, beside it
};

// Nothing when the schema is current. NotInitialized for a database with no schema yet, and for
// a PostgreSQL database behind the program; StorageError for one newer than the program (a
// downgrade) and for a copy that cannot be written, and then nothing was changed.
std::optional<SchemaUpgrade> upgrade_on_start(Workspace& ws);

}  // namespace gongji::app
