#pragma once
// The schema as numbered migrations, each recorded in `schema_version`. All pending migrations
// run in one transaction (all or nothing); a database written by a newer build is refused,
// never touched.

#include "core/error.h"
#include "storage/sqlite.h"

namespace newswire {

// The highest schema version this build knows.
int latest_schema_version();

// Brings `db` up to latest_schema_version(). An error names the failing version.
Result<void> migrate(Sqlite& db);

}  // namespace newswire
