// core/src/parties_data.hpp - the shape of the built-in registry generated from data/parties.json (internal).
#pragma once

namespace wardshare::detail {

struct party_record {
  const char* label;
  const char* name;
  const char* colour;
  const char* aliases;  // newline-separated
  long registered;
  bool independent;
};

extern const party_record builtin_parties[];
extern const unsigned builtin_party_count;

}  // namespace wardshare::detail
