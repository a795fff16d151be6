// tests/output_test.cpp - the JSON document, report lines, text and CSV.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace wardshare;

TEST_CASE("output - numbers as reports print them") {
  CHECK(group_thousands(0) == "0");
  CHECK(group_thousands(999) == "999");
  CHECK(group_thousands(2236) == "2,236");
  CHECK(group_thousands(2476687) == "2,476,687");
  CHECK(group_thousands(-1234) == "-1,234");
  CHECK(format_tenths(97) == "9.7");
  CHECK(format_tenths(5) == "0.5");
  CHECK(format_tenths(1000) == "100.0");
}

TEST_CASE("output - the report-style line") {
  auto doc = parse("Fryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 Votes cast 2,236");
  compute_options o;
  o.focus = "TUSC";
  auto r = compute(doc, o);
  CHECK(report_line(r.contests[0]) == "Lab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236");
}

TEST_CASE("output - the JSON document") {
  auto doc = parse("Basildon\nFryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.8%) Votes cast 2,236\n"
                   "Lab 5; Green; Con 3\n");
  auto r = compute(doc);
  auto j = nlohmann::json::parse(to_json(r));
  REQUIRE(j["contests"].size() == 2);
  const auto& c = j["contests"][0];
  CHECK(c["area"] == "Basildon");
  CHECK(c["ward"] == "Fryerns");
  CHECK(c["seats"] == 3);
  CHECK(c["method"] == "top");
  CHECK(c["line"] == 2);
  CHECK(c["denominator"] == 2236);
  CHECK(c["candidates"][0]["label"] == "Lab");
  CHECK(c["candidates"][0]["party"] == "Labour Party");
  CHECK(c["candidates"][0]["votes"] == 1160);
  CHECK(c["candidates"][0]["elected"] == true);
  CHECK(c["candidates"][0]["name"].is_null());
  CHECK(c["parties"][0]["label"] == "Lab");
  CHECK(c["parties"][0]["candidates"] == 3);
  CHECK(c["parties"][0]["votes"] == 1160);
  CHECK(c["parties"][0]["total"] == 3355);
  CHECK(c["parties"][0]["share"].get<double>() == Approx(100.0 * 1160 / 2236));
  CHECK(c["stated"]["total"] == 2236);
  CHECK(c["stated"]["shares"][0]["label"] == "TUSC");
  CHECK(c["stated"]["shares"][0]["votes"] == 218);
  CHECK(c["stated"]["shares"][0]["percent"] == 9.8);
  REQUIRE(c["checks"].size() == 1);
  CHECK(c["checks"][0]["code"] == "share_mismatch");
  CHECK(c["checks"][0]["label"] == "TUSC");
  REQUIRE(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["line"] == 3);
  CHECK(j["diagnostics"][0]["column"] == 8);
  CHECK(j["diagnostics"][0]["severity"] == "warning");
}

namespace {
/// write_json's sink for the tests: each piece kept, in order, in the std::vector<std::string> at `to`.
void collect(std::string_view piece, void* to) { static_cast<std::vector<std::string>*>(to)->emplace_back(piece); }
}  // namespace

TEST_CASE("output - the JSON document written a piece at a time is to_json's, never held whole") {
  auto report = test::read_file("tests/corpus/tusc-local-elections-2024.txt");
  auto doc = parse(report);
  auto res = compute(doc);
  auto sum = summarise(doc, res);
  for (int indent : {-1, 1}) {
    INFO("indent " << indent);
    std::vector<std::string> pieces;
    write_json(res, &sum, indent, json_detail::full, collect, &pieces);
    std::string joined;
    std::size_t largest = 0;
    for (const auto& p : pieces) {
      joined += p;
      largest = std::max(largest, p.size());
    }
    CHECK(joined == to_json(res, &sum, indent));
    // ~1 MB of JSON (indented) in pieces of 64 KB and a contest's or a diagnostic's more; the summary at the end
    // is the last piece
    CHECK(joined.size() > 4 * 64 * 1024);
    CHECK(pieces.size() >= joined.size() / (128 * 1024));
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) CHECK(pieces[i].size() < 80 * 1024);
    CHECK(largest < joined.size() / 2);
  }
  // a small document is one piece
  std::vector<std::string> one;
  write_json(compute(parse("Lab 5; Con 3")), nullptr, -1, json_detail::display, collect, &one);
  REQUIRE(one.size() == 1);
  CHECK(one[0] == to_json(compute(parse("Lab 5; Con 3")), nullptr, -1, json_detail::display));
}

TEST_CASE("output - text and CSV") {
  auto doc = parse("Lab 1,160; Con 529; \"=cmd\" 3");
  auto r = compute(doc);
  auto text = to_text(r);
  CHECK(text.find("Lab 1,160; Con 529") != std::string::npos);
  auto csv = to_csv(r);
  CHECK(csv.rfind("line,area,ward,seats,method,label,party,candidates,votes,share,rounded,seats_won,focus,checks,change\n", 0) == 0);
  CHECK(csv.find(",Lab,Labour Party,1,1160,") != std::string::npos);
  CHECK(csv.find("\"'=cmd\"") == std::string::npos);  // the label keeps its quotes inside one quoted field
}
