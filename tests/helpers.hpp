// tests/helpers.hpp - reading test inputs and finding things in results.
#pragma once

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "wardshare/wardshare.hpp"

namespace test {

inline std::string read_file(const std::string& relative) {
  std::ifstream in(std::string(WARDSHARE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// A text edited as the page sees it, one reading after another: the 2024 report, the report again, a contest
/// typed at its end a key at a time, lines taken out and put in, every other shape of input, and back.
inline std::vector<std::string> edits() {
  auto report = read_file("tests/corpus/tusc-local-elections-2024.txt");
  std::vector<std::string> texts = {report, report};  // the report, then the same again: every line met before
  // typing a contest at the end, a key at a time (as the page reads on every keystroke)
  std::string typed = report;
  for (char c : std::string("\nLab 100; Con 50; TUSC 7 (4.7%)")) texts.push_back(typed += c);
  // lines taken out and put in above others: the lines after them met again on other line numbers
  auto cut = report.find("\n", report.size() / 2);
  auto cut_end = report.find("\n", cut + 1);
  texts.push_back(report.substr(0, cut) + report.substr(cut_end));
  texts.push_back("Basildon\n\n" + report);
  texts.push_back(report.substr(0, cut) + "\n" + report);  // half of it twice: lines met twice in one reading
  auto vote = report.find("Lab 1,", report.size() / 3);   // a figure changed in a row in the middle
  texts.push_back(report.substr(0, vote) + "Lab 2," + report.substr(vote + 6));
  // every other shape of input, and back to the report
  for (const char* f : {"tests/data/fryerns.txt", "tests/data/council-page.txt", "tests/data/council-page-previous.txt",
                        "tests/data/wikipedia-general.txt", "tests/data/wikipedia-local.txt",
                        "tests/data/name-party-votes.txt", "tests/data/malformed.txt"})
    texts.push_back(read_file(f));
  texts.push_back(report);
  texts.push_back(read_file("tests/data/wikipedia-local.txt") + "\n" + read_file("tests/data/council-page.txt"));

  return texts;
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
