#include "storage/database.h"
// Placeholder until storage lands.
