// tests/helpers.hpp - reading test inputs and finding things in results.
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#include "wardshare/wardshare.hpp"

namespace test {

inline std::string read_file(const std::string& relative) {
  std::ifstream in(std::string(WARDSHARE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline const wardshare::party_result* party(const wardshare::contest_result& c, const std::string& group) {
  for (const auto& p : c.parties)
    if (p.group == group) return &p;
  return nullptr;
}

inline const wardshare::contest_result* contest(const wardshare::result& r, const std::string& ward,
                                               const std::string& area = "") {
  for (const auto& c : r.contests)
    if (c.ward && *c.ward == ward && (area.empty() || (c.area && *c.area == area))) return &c;
  return nullptr;
}

inline int count_checks(const wardshare::contest_result& c, const std::string& code) {
  int n = 0;
  for (const auto& k : c.checks) n += k.code == code;
  return n;
}

inline int count_diags(const wardshare::document& d, wardshare::diag_code code) {
  int n = 0;
  for (const auto& x : d.diagnostics) n += x.code == code;
  return n;
}

}  // namespace test
