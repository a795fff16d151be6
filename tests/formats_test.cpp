// tests/formats_test.cpp - every shape results get pasted in: Wikipedia boxes, CSV, JSON, plain lines, council
// pages with a previous result; recognising the format; change in share and Butler swing.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace wardshare;

namespace {

int count_diags(const std::vector<diagnostic>& ds, diag_code code) {
  int n = 0;
  for (const auto& d : ds) n += d.code == code;
  return n;
}

const diagnostic* find_diag(const std::vector<diagnostic>& ds, diag_code code) {
  for (const auto& d : ds)
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("formats - recognising the reader") {
  CHECK(detect_format("{\"contests\": []}") == input_format::json);
  CHECK(detect_format("\xEF\xBB\xBF  \n [ {\"candidates\": []} ]") == input_format::json);
  CHECK(detect_format("[1] Source: council website\nLab 1,160; Con 529") == input_format::text);
  CHECK(detect_format("person_name,party_name,ballot_paper_id,votes_cast\nA,Lab,x,1") == input_format::csv);
  CHECK(detect_format("Name, Party, Votes\nSam Huggins, Labour, 1160") == input_format::csv);
  CHECK(detect_format("Candidate\tParty\tVotes\nA\tLab\t1") == input_format::text);  // a council page's header
  CHECK(detect_format("Party\tCandidate\tVotes\t%\t\xC2\xB1%\nLab\tA\t1\t2.0\t+1.0") == input_format::text);  // a box's
  // a spreadsheet's rows pasted (tab-separated), with a ward column to group them
  CHECK(detect_format("Ward\tCandidate\tParty\tVotes\nFryerns\tA\tLab\t1") == input_format::csv);
  CHECK(detect_format("Sam Huggins, Labour, 1160\nKim Brown, Conservative, 529") == input_format::text);
  CHECK(detect_format("Lab 1,160; Con 529; LD 329") == input_format::text);
  CHECK(detect_format("") == input_format::text);
  CHECK(parse_format("csv") == std::optional<input_format>(input_format::csv));
  CHECK(parse_format("auto") == std::optional<input_format>(input_format::automatic));
  CHECK_FALSE(parse_format("xml"));
}

TEST_CASE("formats - a Wikipedia election box, with the previous election's box below it") {
  auto doc = parse(test::read_file("tests/data/wikipedia-general.txt"));
  CHECK(doc.format == input_format::text);
  CHECK(doc.shape == "wikipedia");
  REQUIRE(doc.contests.size() == 1);  // the 2019 box is the 2024 box's previous result
  const auto& c = doc.contests[0];
  CHECK(c.ward == std::optional<std::string>("Ashby Marsh"));  // the citation mark `[11]` is gone
  CHECK(c.election == std::optional<std::string>("General election 2024"));
  CHECK(c.area == std::optional<std::string>("Ashby Marsh (UK Parliament constituency)"));
  REQUIRE(c.entries.size() == 6);
  CHECK(c.entries[0].label == "Labour");
  CHECK(c.entries[0].name == std::optional<std::string>("Priya Sandhu"));
  CHECK(c.entries[0].votes == 18204);
  CHECK(c.entries[0].printed_percent == std::optional<double>(41.3));
  CHECK(c.entries[0].printed_change == std::optional<double>(9.1));
  CHECK(c.entries[1].name == std::optional<std::string>("Mark Ellery"));  // the incumbent's `*` is markup
  CHECK(c.entries[1].printed_change == std::optional<double>(-21.8));     // U+2212 minus
  CHECK_FALSE(c.entries[2].printed_change);                                // `New`
  CHECK(c.stated.majority == std::optional<std::int64_t>(7172));
  CHECK(c.stated.ballots == std::optional<std::int64_t>(44317));
  CHECK(c.stated.turnout_percent == std::optional<double>(60.2));
  CHECK(c.stated.electorate == std::optional<std::int64_t>(73616));
  CHECK(c.stated.rejected == std::optional<std::int64_t>(236));
  CHECK(c.outcome == std::optional<std::string>("Labour gain from Conservative"));
  CHECK(c.printed_swing == std::optional<double>(15.5));
  REQUIRE(c.previous);
  CHECK(c.previous->heading == "General election 2019");
  CHECK(c.previous->entries.size() == 5);
  CHECK(c.previous->stated.electorate == std::optional<std::int64_t>(72850));
  CHECK(count_diags(doc.diagnostics, diag_code::read_as_previous) == 1);

  auto r = compute(doc);
  const auto& cr = r.contests[0];
  CHECK(cr.turnout_percent);
  CHECK(test::count_checks(cr, "turnout_mismatch") == 0);
  CHECK(test::count_checks(cr, "share_mismatch") == 0);   // Wikipedia's % is of the valid vote: `top` when single-seat
  CHECK(test::count_checks(cr, "outcome_mismatch") == 0);
  CHECK_FALSE(cr.focus);  // every candidate's share is printed: no party is singled out
  CHECK(test::party(cr, "Lab")->change_tenths == std::optional<int>(91));
  CHECK(test::party(cr, "Con")->change_tenths == std::optional<int>(-219));
  CHECK(test::party(cr, "Reform")->change);  // the Brexit Party is Reform UK's former name
  CHECK_FALSE(test::party(cr, "Ind")->change);
  // the box prints Con −21.8 (the unrounded change) and LD +0.6, a typo: 7.5 − 7.1 is +0.4
  REQUIRE(test::count_checks(cr, "change_mismatch") == 1);
  for (const auto& k : cr.checks)
    if (k.code == "change_mismatch") {
      CHECK(k.label == std::optional<std::string>("LD"));
      CHECK(k.where.line == 10);
      CHECK_THAT(k.message, Catch::Contains("+0.6") && Catch::Contains("+0.4"));
    }
  REQUIRE(cr.swing);
  CHECK(cr.swing->from == "Con");
  CHECK(cr.swing->to == "Lab");
  CHECK(cr.swing->tenths == 155);  // ((41.30 − 32.24) − (25.03 − 46.88)) / 2, as the box prints
  auto json = to_json(r);
  CHECK_THAT(json, Catch::Contains("\"swing\":{\"from\":\"Con\",\"to\":\"Lab\""));
  CHECK_THAT(json, Catch::Contains("\"change_rounded\":\"+9.1\""));
  CHECK_THAT(json, Catch::Contains("\"shape\":\"wikipedia\""));
}

TEST_CASE("formats - Wikipedia boxes for a council's wards") {
  auto doc = parse(test::read_file("tests/data/wikipedia-local.txt"));
  CHECK(doc.shape == "wikipedia");
  REQUIRE(doc.contests.size() == 2);
  CHECK(doc.contests[0].ward == std::optional<std::string>("Fryerns"));
  CHECK(doc.contests[0].seats == std::optional<int>(3));
  CHECK(doc.contests[0].area == std::optional<std::string>("2024 Basildon Borough Council election"));
  CHECK(doc.contests[1].area == doc.contests[0].area);
  CHECK(doc.contests[1].ward == std::optional<std::string>("Laindon Park"));
  CHECK(doc.contests[1].entries.size() == 10);
  CHECK(doc.contests[0].outcome == std::optional<std::string>("Labour hold"));
  auto r = compute(doc);
  const auto& fryerns = r.contests[0];
  CHECK(test::party(fryerns, "TUSC")->share_tenths == 97);  // the report's 9.7%
  CHECK(test::party(fryerns, "Lab")->seats_won == 3);
  for (const auto& c : r.contests) CHECK(c.checks.empty());  // the box's % are of all votes: another method

  SECTION("an outcome line that names the wrong party is a check") {
    auto text = test::read_file("tests/data/wikipedia-local.txt");
    auto at = text.find("Labour gain from Conservative");
    text.replace(at, 29, "Conservative hold");
    auto d2 = parse(text);
    auto r2 = compute(d2);
    REQUIRE(r2.contests.size() == 2);
    CHECK(test::count_checks(r2.contests[1], "outcome_mismatch") == 1);
  }
  SECTION("chosen by hand, rows without a header are read as a box") {
    parse_options o;
    o.format = input_format::wikipedia;
    auto d = parse("Fryerns (3 seats)\n\tLabour\tSam Huggins\t1,160\t26.2\n\tTUSC\tEleanor Donne\t218\t4.9\n", o);
    CHECK(d.format == input_format::wikipedia);
    REQUIRE(d.contests.size() == 1);
    CHECK(d.contests[0].entries.size() == 2);
    CHECK(d.contests[0].seats == std::optional<int>(3));
  }
  SECTION("an unopposed return is said, not counted") {
    auto d = parse("Party\tCandidate\tVotes\t%\t±%\n\tLabour\tSam Huggins\tUnopposed\n");
    CHECK(d.contests.empty());
    CHECK(count_diags(d.diagnostics, diag_code::uncontested) == 1);
  }
}

TEST_CASE("formats - Democracy Club's CSV, several wards in one file") {
  auto text = test::read_file("tests/data/democracy-club.csv");
  auto doc = parse(text);
  CHECK(doc.format == input_format::csv);
  CHECK(doc.shape == "csv");
  CHECK(doc.diagnostics.empty());
  REQUIRE(doc.contests.size() == 3);
  const auto& f = doc.contests[0];
  CHECK(f.area == std::optional<std::string>("Basildon"));  // from the ballot paper id
  CHECK(f.ward == std::optional<std::string>("Fryerns"));   // from post_label
  CHECK(f.seats == std::optional<int>(3));
  CHECK(f.line == 2);
  REQUIRE(f.entries.size() == 6);
  CHECK(f.entries[0].name == std::optional<std::string>("Sam Huggins"));
  CHECK(f.entries[0].label == "Labour Party");
  CHECK(f.entries[0].elected_marker);
  CHECK(f.entries[0].where.line == 2);
  CHECK(doc.contests[2].entries[5].name == std::optional<std::string>("\"Kath\" Lowry"));  // a quoted, escaped field

  auto r = compute(doc);
  CHECK(test::party(r.contests[0], "TUSC")->share_tenths == 97);
  CHECK(test::party(r.contests[1], "TUSC")->share_tenths == 106);
  CHECK(test::party(r.contests[2], "TUSC")->share_tenths == 66);
  for (const auto& c : r.contests) CHECK(test::count_checks(c, "elected_mismatch") == 0);

  SECTION("an elected column that disagrees with the votes is a check") {
    auto wrong = text;
    auto at = wrong.find("Kim Brown");
    auto comma = wrong.find(",3,False,", at);  // seats_contested, then elected
    wrong.replace(comma, 9, ",3,True,");
    auto d2 = parse(wrong);
    auto r2 = compute(d2);
    CHECK(test::count_checks(r2.contests[0], "elected_mismatch") >= 1);
  }
}

TEST_CASE("formats - a spreadsheet's rows pasted, tab-separated") {
  // copied from a spreadsheet, one candidate a row with its ward: each row was said to have no party before its count,
  // and nothing was read
  auto doc = parse("Ward\tCandidate\tParty\tVotes\tElected\nFryerns\tSam Huggins\tLabour\t1160\tY\n"
                   "Fryerns\tKim Brown\tConservative\t529\tN\nPitsea\tJo Smith\tLabour\t\"1,600\"\tY\n"
                   "Pitsea\tAl Jones, Jr\tGreen\t900\tN\n");
  CHECK(doc.format == input_format::csv);
  CHECK(doc.diagnostics.empty());
  REQUIRE(doc.contests.size() == 2);
  CHECK(doc.contests[0].ward == std::optional<std::string>("Fryerns"));
  REQUIRE(doc.contests[1].entries.size() == 2);
  CHECK(doc.contests[1].entries[0].votes == 1600);  // (a quoted count with its comma)
  CHECK(doc.contests[1].entries[1].name == std::optional<std::string>("Al Jones, Jr"));  // (a comma is not a separator)
  CHECK(doc.contests[1].entries[1].where.line == 5);
  auto r = compute(doc);
  CHECK(test::party(r.contests[0], "Lab")->share_tenths == 687);
  for (const auto& c : r.contests) CHECK(c.checks.empty());
  // a row whose count is not one is said at its column, as in a CSV file
  auto bad = parse("Ward\tCandidate\tParty\tVotes\nFryerns\tSam Huggins\tLabour\tn/a\nFryerns\tKim Brown\tConservative\t529\n");
  REQUIRE(!bad.diagnostics.empty());
  CHECK(bad.diagnostics[0].where.line == 2);
  CHECK(bad.diagnostics[0].where.column == 28);
}

TEST_CASE("formats - CSV saved with a title above its header") {
  // a spreadsheet saved as CSV with its title rows: the header was not the first line, so the text reader took it
  // and read nothing from `Sam Huggins,Labour,1160` (no space after its commas), without a word
  const std::string text = "Fryerns by-election 2024\nThursday 2 May 2024\nElectorate: 9,012\n\nCandidate,Party,Votes\n"
                           "Sam Huggins,Labour,1160\nKim Brown,Conservative,529\n";
  CHECK(detect_format(text) == input_format::csv);
  auto doc = parse(text);
  CHECK(doc.diagnostics.empty());
  REQUIRE(doc.contests.size() == 1);
  const auto& c = doc.contests[0];
  CHECK(c.ward == std::optional<std::string>("Fryerns by-election 2024"));  // (the title; the date is not one)
  CHECK(c.stated.electorate == std::optional<std::int64_t>(9012));
  CHECK(c.line == 6);  // lines counted from the file's first, not the header's
  REQUIRE(c.entries.size() == 2);
  CHECK(c.entries[1].where.line == 7);
  CHECK(test::party(compute(doc).contests[0], "Lab")->share_tenths == 687);

  // `Results for Fryerns` names Fryerns, as a heading does; a figure the file cannot take is said, not dropped
  auto said = parse("Results for Fryerns\nTurnout 24.9%\nCandidate,Party,Votes\nSam Huggins,Labour,1160\n");
  REQUIRE(said.contests.size() == 1);
  CHECK(said.contests[0].ward == std::optional<std::string>("Fryerns"));
  const auto* d = find_diag(said.diagnostics, diag_code::unreadable_token);
  REQUIRE(d);
  CHECK(d->where.line == 2);
  CHECK_THAT(d->message, Catch::Contains("Turnout 24.9%"));
  // a ward column names the contests; the title does not
  auto wards = parse("Basildon 2024\nWard,Candidate,Party,Votes\nFryerns,A,Lab,1160\nPitsea,B,Con,529\n");
  REQUIRE(wards.contests.size() == 2);
  CHECK(wards.contests[1].ward == std::optional<std::string>("Pitsea"));
  // only the first lines are looked at: a report's text is not CSV for a header-like line further down
  CHECK(detect_format("a\nb\nc\nd\ne\nf\nname,party,votes\nA,Lab,1") == input_format::text);
}

TEST_CASE("formats - CSV that goes wrong says where") {
  auto doc = parse("name,party,votes\n"
                   "Sam Huggins,Labour,1160\n"
                   "\"Brown, Kim\",Conservative,5x9\n"
                   "Alex Green,Liberal Democrat\n"
                   "Eleanor Donne,TUSC,218,extra\n"
                   "\"Open Quote,LD,5\n");
  REQUIRE(doc.contests.size() == 1);
  CHECK(doc.contests[0].entries.size() == 2);  // Sam Huggins and Eleanor Donne
  const auto* bad = find_diag(doc.diagnostics, diag_code::bad_value);
  REQUIRE(bad);
  CHECK(bad->where.line == 3);
  CHECK(bad->where.column == 27);
  CHECK_THAT(bad->message, Catch::Contains("Brown, Kim") && Catch::Contains("5x9"));
  CHECK(count_diags(doc.diagnostics, diag_code::syntax_error) >= 3);  // a short row, a long row, an open quote
  const auto* open = find_diag(doc.diagnostics, diag_code::syntax_error);
  REQUIRE(open);
  CHECK(open->where.line == 4);

  auto none = parse("name,party,ward\nA,B,C\n", {64u << 20, nullptr, input_format::csv});
  CHECK(none.contests.empty());
  CHECK(count_diags(none.diagnostics, diag_code::missing_column) == 1);

  // chosen by hand for headerless lines
  auto bare = parse("Sam Huggins,Labour,1160\nKim Brown,Conservative,529\n", {64u << 20, nullptr, input_format::csv});
  REQUIRE(bare.contests.size() == 1);
  CHECK(bare.contests[0].entries.size() == 2);
}

TEST_CASE("formats - wardshare's JSON input") {
  auto doc = parse(test::read_file("tests/data/input.json"));
  CHECK(doc.format == input_format::json);
  CHECK(doc.diagnostics.empty());
  REQUIRE(doc.contests.size() == 2);
  const auto& f = doc.contests[0];
  CHECK(f.seats == std::optional<int>(3));
  CHECK(f.stated.total == std::optional<std::int64_t>(2236));
  CHECK(f.stated.electorate == std::optional<std::int64_t>(9012));
  CHECK(f.entries[5].printed_percent == std::optional<double>(9.7));
  CHECK(f.entries[0].elected_marker);
  REQUIRE(f.previous);
  CHECK(f.previous->entries.size() == 5);
  CHECK(doc.contests[1].entries[0].votes == 30753);  // "30,753" as a string
  CHECK(doc.contests[1].stated.total == std::optional<std::int64_t>(49987));

  auto r = compute(doc);
  const auto& fr = r.contests[0];
  CHECK(fr.checks.empty());
  CHECK(test::party(fr, "TUSC")->share_tenths == 97);
  // 2021: Lab 1,020, Con 871, LD 240, TUSC 152 (top over 2,283)
  CHECK(test::party(fr, "Lab")->change_tenths == std::optional<int>(519 - 447));
  REQUIRE(fr.swing);
  CHECK(fr.swing->to == "Lab");
  CHECK(fr.swing->from == "Con");
  CHECK(test::party(r.contests[1], "Lab")->share_tenths == 615);

  SECTION("a percentage as a string is checked at the decimals written; as a number, at its value's") {
    // 1,150 of 2,220 is 51.8%: `"52%"` is right at whole percents; the number 48 could have been printed `48`
    // or `48.0` (programs write both so), and is checked as 48.0%
    auto d = parse(R"({"contests": [{"ward": "Fryerns", "candidates": [{"party": "Lab", "votes": 1150, "percent": "52%"},
                     {"party": "Con", "votes": 1070, "percent": 48}]}]})");
    REQUIRE(d.contests.size() == 1);
    CHECK(d.contests[0].entries[0].percent_decimals == 0);
    CHECK(d.contests[0].entries[1].percent_decimals == -1);
    auto checked = compute(d);
    REQUIRE(test::count_checks(checked.contests[0], "share_mismatch") == 1);
    CHECK(checked.contests[0].checks[0].label == std::optional<std::string>("Con"));
  }
}

TEST_CASE("formats - JSON that goes wrong says where") {
  auto doc = parse("{\"contests\": [{\"ward\": \"X\", \"candidates\": [\n"
                   "  {\"party\": \"Lab\", \"votes\": 12.5},\n"
                   "  {\"party\": \"Con\", \"vots\": 3},\n"
                   "  {\"party\": \"LD\", \"votes\": 40}\n"
                   "  {\"party\": \"Green\", \"votes\": 7}]}]}");
  REQUIRE(doc.contests.size() == 1);
  CHECK(doc.contests[0].entries.size() == 1);  // LD; what follows the syntax error is not read
  const auto* syntax = find_diag(doc.diagnostics, diag_code::syntax_error);
  REQUIRE(syntax);
  CHECK(syntax->where.line == 5);
  CHECK(syntax->where.column == 3);
  CHECK_THAT(syntax->message, Catch::Contains("expected ',' or ']'"));
  const auto* fraction = find_diag(doc.diagnostics, diag_code::bad_value);
  REQUIRE(fraction);
  CHECK(fraction->where.line == 2);
  CHECK_THAT(fraction->message, Catch::Contains("12.5"));
  const auto* unknown = find_diag(doc.diagnostics, diag_code::unknown_field);
  REQUIRE(unknown);
  CHECK(unknown->where.line == 3);

  // nested past the limit: an error, not a stack overflow
  std::string deep = "{\"contests\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto d = parse(deep);
  CHECK(count_diags(d.diagnostics, diag_code::syntax_error) == 1);
  CHECK(parse("[{\"candidates\": [{\"party\": \"Lab\", \"votes\": 1e30}]}]").contests.empty());
  CHECK(parse("{\"candidates\": [{\"party\": \"Lab\", \"votes\": \"\\u00e9\"}]}").contests.empty());
}

TEST_CASE("formats - the JSON output read back in gives the same shares") {
  // a result points into its document (contest_result::source): both documents stay alive
  auto first = parse(test::read_file("tests/data/fryerns.txt"));
  auto original = compute(first);
  auto second = parse(to_json(original));
  auto again = compute(second);
  REQUIRE(again.contests.size() == original.contests.size());
  for (std::size_t i = 0; i < again.contests.size(); ++i) {
    REQUIRE(again.contests[i].parties.size() == original.contests[i].parties.size());
    for (std::size_t k = 0; k < again.contests[i].parties.size(); ++k) {
      CHECK(again.contests[i].parties[k].group == original.contests[i].parties[k].group);
      CHECK(again.contests[i].parties[k].share_tenths == original.contests[i].parties[k].share_tenths);
    }
  }
}

TEST_CASE("formats - plain `Name, Party, Votes` lines") {
  auto doc = parse(test::read_file("tests/data/name-party-votes.txt"));
  CHECK(doc.shape == "lines");
  CHECK(doc.diagnostics.empty());
  REQUIRE(doc.contests.size() == 2);
  CHECK(doc.contests[0].entries.size() == 6);
  CHECK(doc.contests[0].entries[1].name == std::optional<std::string>("Asha Khan"));
  CHECK(doc.contests[0].entries[1].label == "Labour and Co-operative");
  CHECK(doc.contests[1].ward == std::optional<std::string>("Lee Chapel North ward"));
  CHECK(doc.contests[1].entries[0].votes == 1148);
  compute_options three;
  three.seats = 3;
  auto r = compute(doc, three);
  CHECK(test::party(r.contests[0], "TUSC")->share_tenths == 97);
  CHECK(test::party(r.contests[1], "TUSC")->share_tenths == 106);
}

TEST_CASE("formats - a `Name, Party, Votes` line whose name does not look like one is still a candidate") {
  // (a name in lower case, or cut short by a PDF's columns, before a registered party: before, the line was read
  // as a heading and its votes lost, with nothing said)
  for (const char* text : {"Kim Brown, Con, 529\njo smith, Lab, 1,053\n", "jo smith, Lab, 1,053\nKim Brown, Con, 529\n",
                           "Basildon\nFryerns ward\n\nel, Labour, 1,053\nKim Brown, Conservative, 529\n"}) {
    auto doc = parse(text);
    INFO(text);
    REQUIRE(doc.contests.size() == 1);
    REQUIRE(doc.contests[0].entries.size() == 2);
    std::int64_t lab = 0;
    for (const auto& e : doc.contests[0].entries)
      if (e.label == "Lab" || e.label == "Labour") lab = e.votes;
    CHECK(lab == 1053);
  }
  // a heading with a number stays a heading when no registered party follows a comma
  auto doc = parse("Local elections 2024\nBasildon, Essex 2024\nFryerns\tX\tLab 5; Con 3\n");
  REQUIRE(doc.contests.size() == 1);
  CHECK(doc.contests[0].entries.size() == 2);
}

TEST_CASE("formats - a Wikipedia box selected from its first candidate, without its header row") {
  // (before, its rows were read as table headers and lost, with nothing said; `--format wikipedia` read them)
  auto text = test::read_file("tests/data/wikipedia-general.txt");
  auto body = text.substr(text.find("\tLabour\tPriya Sandhu"));
  body = body.substr(0, body.find("Elections in the 2010s"));
  auto doc = parse(body);
  REQUIRE(doc.contests.size() == 1);
  const auto& c = doc.contests[0];
  REQUIRE(c.entries.size() == 6);
  CHECK(c.entries[0].label == "Labour");
  CHECK(c.entries[0].name == std::optional<std::string>("Priya Sandhu"));
  CHECK(c.entries[0].votes == 18204);
  CHECK(c.stated.ballots == std::optional<std::int64_t>(44317));
  CHECK(c.outcome == std::optional<std::string>("Labour gain from Conservative"));
  REQUIRE(test::count_diags(doc, diag_code::read_as_box) == 1);
  CHECK(doc.diagnostics[0].where.line == 1);
  // the same rows read with the header give the same contest
  wardshare::parse_options wiki;
  wiki.format = input_format::wikipedia;
  auto forced = parse(body, wiki);
  REQUIRE(forced.contests.size() == 1);
  CHECK(forced.contests[0].entries.size() == 6);
  CHECK(forced.contests[0].stated.ballots == c.stated.ballots);
  // a council page's row (a name, then a party) is not one
  CHECK(parse("SMITH John\tLabour Party\t1,160\t45.1\nBROWN Kim\tConservative Party\t529\t20.6\n").diagnostics.empty() == true);
}

TEST_CASE("formats - a council page with its previous result below") {
  auto doc = parse(test::read_file("tests/data/council-page-previous.txt"));
  CHECK(doc.shape == "council");
  REQUIRE(doc.contests.size() == 1);
  const auto& c = doc.contests[0];
  CHECK(c.entries.size() == 7);
  REQUIRE(c.previous);
  CHECK(c.previous->heading == "Previous result (2021)");
  CHECK(c.previous->entries.size() == 7);
  CHECK(c.previous->stated.electorate == std::optional<std::int64_t>(8790));
  CHECK(count_diags(doc.diagnostics, diag_code::read_as_previous) == 1);
  auto r = compute(doc);
  const auto& cr = r.contests[0];
  CHECK(cr.checks.empty());
  CHECK(test::party(cr, "Lab")->change_tenths == std::optional<int>(537 - 484));  // 1,148/2,138 vs 1,122/2,316
  CHECK_FALSE(test::party(cr, "LD")->change);  // no Liberal Democrat stood in 2021
  REQUIRE(cr.swing);
  CHECK(cr.swing->from == "Con");
  CHECK(cr.swing->to == "Lab");
  CHECK_THAT(to_text(r), Catch::Contains("Swing 8.9 points from Con to Lab (Butler)"));
}
