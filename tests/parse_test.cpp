// tests/parse_test.cpp - the reader: every shape of pasted results, and what it says about bad input.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace wardshare;

TEST_CASE("parsing - a report row with tabs") {
  auto doc = parse("Basildon\n\nFryerns (<i>three seats</i>)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; "
                   "TUSC 218 (9.7%) Votes cast 2,236\n");
  REQUIRE(doc.contests.size() == 1);
  const auto& c = doc.contests[0];
  CHECK(c.area == std::optional<std::string>("Basildon"));
  CHECK(c.ward == std::optional<std::string>("Fryerns"));
  CHECK(c.seats == std::optional<int>(3));
  CHECK(c.line == 3);
  REQUIRE(c.candidate_names.size() == 1);
  CHECK(c.candidate_names[0] == "Eleanor Donne");
  REQUIRE(c.entries.size() == 6);
  CHECK(c.entries[0].label == "Lab");
  CHECK(c.entries[0].votes == 1160);
  CHECK(c.entries[5].label == "TUSC");
  CHECK(c.entries[5].votes == 218);
  REQUIRE(c.entries[5].printed_percent);
  CHECK(*c.entries[5].printed_percent == Approx(9.7));
  CHECK(c.stated.total == std::optional<std::int64_t>(2236));
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("parsing - positions count columns of the original line") {
  // `<i>` is removed before reading, but the column still points into what the user pasted
  auto doc = parse("W\tC\t<i>Lab</i> 10; Green; Con 5");
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].code == diag_code::unreadable_token);
  CHECK(doc.diagnostics[0].where.line == 1);
  CHECK(doc.diagnostics[0].where.column == 20);
  CHECK(doc.diagnostics[0].message == "expected a vote count after 'Green', saw ';': skipped");
  REQUIRE(doc.contests.size() == 1);
  CHECK(doc.contests[0].entries.size() == 2);
  CHECK(doc.contests[0].entries[1].where.column == 27);
}

TEST_CASE("parsing - spaces instead of tabs") {
  SECTION("a seats marker separates the ward from the candidate") {
    auto doc = parse("Fryerns (three seats) Eleanor Donne Lab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 (9.7%) Votes cast 2,236");
    REQUIRE(doc.contests.size() == 1);
    CHECK(doc.contests[0].ward == std::optional<std::string>("Fryerns"));
    CHECK(doc.contests[0].seats == std::optional<int>(3));
    CHECK(doc.contests[0].candidate_names == std::vector<std::string>{"Eleanor Donne"});
    CHECK(doc.contests[0].entries.size() == 6);
  }
  SECTION("without a marker the candidate is the last two words before the results") {
    auto doc = parse("Hoddesdon Town & Rye Park Pauline Sulman Con 713; Lab 435; Green 180; LD 96; TUSC 42 (2.9%) Votes cast 1,466");
    REQUIRE(doc.contests.size() == 1);
    CHECK(doc.contests[0].ward == std::optional<std::string>("Hoddesdon Town & Rye Park"));
    CHECK(doc.contests[0].candidate_names == std::vector<std::string>{"Pauline Sulman"});
    CHECK(doc.contests[0].entries.size() == 5);
    CHECK(doc.contests[0].stated.total == std::optional<std::int64_t>(1466));
  }
}

TEST_CASE("parsing - labels, numbers and printed shares") {
  auto doc = parse("lab 955; LD 1171; Green 2,476,687; TUSC 101 (4.3%) ; Ind 7 9.9%");
  REQUIRE(doc.contests.size() == 1);
  const auto& e = doc.contests[0].entries;
  REQUIRE(e.size() == 5);
  CHECK(e[0].label == "lab");
  CHECK(e[1].votes == 1171);
  CHECK(e[2].votes == 2476687);
  CHECK(e[3].printed_percent == std::optional<double>(4.3));
  CHECK(e[4].printed_percent == std::optional<double>(9.9));
}

TEST_CASE("parsing - a count with no label") {
  SECTION("carrying the printed share, it is the row's own candidate") {
    auto doc = parse("Ward\tKeith Morrell\t1,595 (46.9%) ; Lab 958; Con 300");
    REQUIRE(doc.contests.size() == 1);
    const auto& e = doc.contests[0].entries;
    REQUIRE(e.size() == 3);
    CHECK(e[0].label.empty());
    CHECK(e[0].name == std::optional<std::string>("Keith Morrell"));
    CHECK(doc.diagnostics.empty());
  }
  SECTION("when another result carries the share, it is reported, and still counted") {
    auto doc = parse("Heneage\tJohn Stiff\t734; Con 366; LD 345; TUSC 81 (5.3%) <i>Votes cast 1,526</i>");
    REQUIRE(doc.contests.size() == 1);
    CHECK(doc.contests[0].entries.size() == 4);
    REQUIRE(test::count_diags(doc, diag_code::unlabelled_count) == 1);
    CHECK(doc.diagnostics[0].where.line == 1);
    CHECK(doc.diagnostics[0].where.column == 20);
  }
}

TEST_CASE("parsing - stated totals") {
  SECTION("each phrase a user would write") {
    auto doc = parse("Lab 500; Con 300; Green 200\nTurnout 1,010 (34.5%)\nElectorate 2,928\nRejected 10\nVotes cast 1,000");
    REQUIRE(doc.contests.size() == 1);
    const auto& s = doc.contests[0].stated;
    CHECK(s.total == std::optional<std::int64_t>(1000));
    CHECK(s.ballots == std::optional<std::int64_t>(1010));
    CHECK(s.turnout_percent == std::optional<double>(34.5));
    CHECK(s.electorate == std::optional<std::int64_t>(2928));
    CHECK(s.rejected == std::optional<std::int64_t>(10));
  }
  SECTION("aggregate and first-preference wordings") {
    CHECK(parse("Lab 5; Con 3 Aggregate vote 8").contests.at(0).stated.total == std::optional<std::int64_t>(8));
    CHECK(parse("Lab 5; Con 3 First preference votes cast 8").contests.at(0).stated.total == std::optional<std::int64_t>(8));
    CHECK(parse("Lab 5; Con 3\nTotal valid votes: 8").contests.at(0).stated.total == std::optional<std::int64_t>(8));
  }
  SECTION("a total before a row's first result belongs to the contest above when that has none") {
    auto doc = parse("Cowley\tAlex Chapman\tInd 842; Lab 614; LD 484; Green 113; Con 64; TUSC 30 (1.4%)\n\n"
                     "Donnington\tKerensa Hone\t<i>Votes cast 2,147</i> Green 701; Lab 536; Ind 414; Con 72; LD 34; TUSC 22 (1.2%)\n"
                     "Littlemore\tRachel Cox\t<i>Votes cast 1,779</i> Ind 814; Lab 730; Green 98; LD 50; TUSC 32 (1.9%)\n");
    REQUIRE(doc.contests.size() == 3);
    CHECK(doc.contests[0].stated.total == std::optional<std::int64_t>(2147));
    CHECK(doc.contests[1].stated.total == std::optional<std::int64_t>(1779));
    CHECK_FALSE(doc.contests[2].stated.total);
    CHECK(test::count_diags(doc, diag_code::shifted_total) == 2);
  }
  SECTION("a row's own leading total stays when the contest above has one") {
    auto doc = parse("A\tX Y\tLab 10; Con 5 Votes cast 15\nB\tP Q\tVotes cast 30 Lab 20; Con 10\n");
    REQUIRE(doc.contests.size() == 2);
    CHECK(doc.contests[1].stated.total == std::optional<std::int64_t>(30));
  }
  SECTION("a second, different total is a warning") {
    auto doc = parse("Lab 10; Con 5 Votes cast 15\nVotes cast 16");
    CHECK(test::count_diags(doc, diag_code::duplicate_total) == 1);
    CHECK(doc.contests.at(0).stated.total == std::optional<std::int64_t>(15));
  }
  SECTION("a total with nothing above it is reported") {
    auto doc = parse("Votes cast 2,236");
    CHECK(doc.contests.empty());
    CHECK(test::count_diags(doc, diag_code::orphan_total) == 1);
  }
  SECTION("an electorate and turnout just above a contest are its own") {
    // (as some council pages print them, above the candidates: they were warned as figures with no contest above)
    auto doc = parse("Fryerns\nElectorate: 9,012   Turnout: 25%\n\nCandidate\tParty\tVotes\nSam Huggins\tLabour\t1,160\n"
                     "Kim Brown\tConservative\t529\n");
    CHECK(doc.diagnostics.empty());
    REQUIRE(doc.contests.size() == 1);
    CHECK(doc.contests[0].stated.electorate == std::optional<std::int64_t>(9012));
    CHECK(doc.contests[0].stated.turnout_percent == std::optional<double>(25.0));
    // a total is not (a summary's `Votes cast` above a report is not its first contest's), nor figures far above
    std::string far = "Electorate: 9,012\n";
    for (int i = 0; i < 10; ++i) far += "A heading\n";
    far += "Lab 1,160; Con 529 Votes cast 1,689\n";
    for (const std::string& text : {std::string("Votes cast 2,236\nLab 1,160; Con 529\n"), far}) {
      INFO(text);
      auto apart = parse(text);
      REQUIRE(apart.contests.size() == 1);
      CHECK(!apart.contests[0].stated.electorate);
      CHECK(apart.contests[0].stated.total != std::optional<std::int64_t>(2236));
      CHECK(test::count_diags(apart, diag_code::orphan_total) == 1);
    }
  }
}

TEST_CASE("parsing - one field a line") {
  auto doc = parse("West Midlands\n\nSolihull\n\nLyndon\n\nLynsey Fraser-Smith\n\n"
                   "Con 1,323; LD 1,201; Lab 565; Green 189; **TUSC 46 (1.4%)**\nVotes cast 3,324\n\n"
                   "Arboretum (*two seats*)\n\nCalvin Fowler\n\nGreen 1,183; Green 1,090; Lab 314; **TUSC 33 (1.8%)**\nVotes cast 1,787\n");
  REQUIRE(doc.contests.size() == 2);
  CHECK(doc.contests[0].area == std::optional<std::string>("Solihull"));
  CHECK(doc.contests[0].ward == std::optional<std::string>("Lyndon"));
  CHECK(doc.contests[0].candidate_names == std::vector<std::string>{"Lynsey Fraser-Smith"});
  CHECK(doc.contests[0].stated.total == std::optional<std::int64_t>(3324));
  CHECK(doc.contests[0].entries.back().printed_percent == std::optional<double>(1.4));
  CHECK(doc.contests[1].area == std::optional<std::string>("Solihull"));
  CHECK(doc.contests[1].ward == std::optional<std::string>("Arboretum"));
  CHECK(doc.contests[1].seats == std::optional<int>(2));
  CHECK(doc.contests[1].stated.total == std::optional<std::int64_t>(1787));
}

TEST_CASE("parsing - rows wrapped over lines") {
  SECTION("results cut after a ';' continue before the next row's own") {
    auto doc = parse("Hotwells & Harbourside\tDan Evans\tGreen 974; Lab 336; LD 109; Con 88;\n\n"
                     "Lockleaze (<i>two seats</i>)\tRoger Thomas\tTUSC 26 (1.7%) Votes cast 1,531 Green 1,696; Green 1,470; "
                     "TUSC 125 (3.9%) ; LD 118 Votes cast 3,221\n");
    REQUIRE(doc.contests.size() == 2);
    CHECK(doc.contests[0].entries.size() == 5);
    CHECK(doc.contests[0].entries.back().label == "TUSC");
    CHECK(doc.contests[0].stated.total == std::optional<std::int64_t>(1531));
    CHECK(doc.contests[1].entries.size() == 4);
    CHECK(doc.contests[1].stated.total == std::optional<std::int64_t>(3221));
    CHECK(test::count_diags(doc, diag_code::wrapped_row) == 1);
  }
  SECTION("a label cut from its number") {
    auto doc = parse("Gleadless Valley\tSimon Jenkins\tGreen 2,462; Lab 1,607; Con 281; LD\n\n"
                     "Graves Park\tLiam Ball\t238; TUSC 132 (2.8%) Votes cast 4,720 Lab 1,954; LD 1,856; TUSC 126 (2.3%) Votes cast 5,375\n");
    REQUIRE(doc.contests.size() == 2);
    const auto& first = doc.contests[0];
    REQUIRE(first.entries.size() == 5);
    CHECK(first.entries[3].label == "LD");
    CHECK(first.entries[3].votes == 238);
    CHECK(first.stated.total == std::optional<std::int64_t>(4720));
    CHECK(doc.contests[1].entries.size() == 3);
  }
  SECTION("a continuation line with empty leading fields") {
    auto doc = parse("Honicknowle\tLouise Alldridge\tLab 1,440; Reform 519; Con 447; Green\n\n\t\t153; TUSC 49 (1.9%) Votes cast 2,608\n");
    REQUIRE(doc.contests.size() == 1);
    CHECK(doc.contests[0].entries.size() == 5);
    CHECK(doc.contests[0].entries[3].label == "Green");
    CHECK(doc.contests[0].entries[3].votes == 153);
  }
  SECTION("a label left at the end of the input is reported") {
    auto doc = parse("Lab 10; Con 5; Green");
    CHECK(test::count_diags(doc, diag_code::dangling_label) == 1);
  }
}

TEST_CASE("parsing - markup, rulers and blank lines") {
  auto doc = parse("<b>Lincoln</b>\n\nCarholme\tNick Parker\t**Lab 1,062**; LD 366; TUSC 73 (3.9%) <i>Votes cast 1,501</i>\n"
                   "----------\t-------------\t--\n\n&amp; more\n");
  REQUIRE(doc.contests.size() == 1);
  CHECK(doc.contests[0].area == std::optional<std::string>("Lincoln"));
  CHECK(doc.contests[0].entries[0].votes == 1062);
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("parsing - a no-break or thin space between a count's digits is its thousands separator") {
  // `1 160` written with a no-break, thin or narrow space (SI style, some PDFs): it was read as `Lab 1` and an
  // unlabelled 160, a count lost and a candidate made up
  for (const char* space : {"\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF", "&nbsp;"}) {
    INFO(space);
    auto doc = parse(std::string("Fryerns\nLab 1") + space + "160; Con 529; LD 1" + space + "002" + space + "329 Votes cast 3" + space + "331\n");
    CHECK(doc.diagnostics.empty());
    REQUIRE(doc.contests.size() == 1);
    REQUIRE(doc.contests[0].entries.size() == 3);
    CHECK(doc.contests[0].entries[0].votes == 1160);
    CHECK(doc.contests[0].entries[2].votes == 1002329);
    CHECK(doc.contests[0].stated.total == std::optional<std::int64_t>(3331));
    // positions are the original line's: Con at column 12 of `Lab 1 160; Con 529` (17 after `&nbsp;`)
    CHECK(doc.contests[0].entries[1].where.column == (space[0] == '&' ? 17u : 12u));
  }
  // between a count and anything but three digits it is a space: `Lab 1,160` then a share, a word, four digits
  auto apart = parse("Lab 1,160\xC2\xA0(51.9%); Con\xC2\xA0" "529; LD 12\xC2\xA0" "1234\n");
  REQUIRE(apart.contests.size() == 1);
  REQUIRE(apart.contests[0].entries.size() == 4);
  CHECK(apart.contests[0].entries[0].printed_percent == std::optional<double>(51.9));
  CHECK(apart.contests[0].entries[1].votes == 529);
  CHECK(apart.contests[0].entries[2].votes == 12);  // (not 121,234: four digits are not a group)
  CHECK(apart.contests[0].entries[3].votes == 1234);
}

TEST_CASE("parsing - a bare paste of one ward") {
  auto doc = parse("Lab 1,160; Con 529; LD 329");
  REQUIRE(doc.contests.size() == 1);
  CHECK_FALSE(doc.contests[0].ward);
  CHECK_FALSE(doc.contests[0].area);
  CHECK(doc.contests[0].entries.size() == 3);
}

TEST_CASE("parsing - one candidate a line") {
  auto doc = parse("Mayor of Salford election\n\nPaul Dennett, Labour \xE2\x80\x93 30,753 (61.5%)\n\n"
                   "Jillian Collinson, Conservative \xE2\x80\x93 10,930 (21.9%)\n\nSally Griffiths, TUSC \xE2\x80\x93 2,681 (5.4%)\n\n"
                   "Total valid votes: 44,364\n\n2021 result: Labour 30,892 (57.7%); Conservatives 12,234 (22.9%)\nTotal valid votes 53,509\n");
  REQUIRE(doc.contests.size() == 1);
  const auto& c = doc.contests[0];
  CHECK(c.ward == std::optional<std::string>("Mayor of Salford election"));
  REQUIRE(c.entries.size() == 3);
  CHECK(c.entries[0].name == std::optional<std::string>("Paul Dennett"));
  CHECK(c.entries[0].label == "Labour");
  CHECK(c.stated.total == std::optional<std::int64_t>(44364));
  REQUIRE(c.previous);
  CHECK(c.previous->heading == "2021 result");
  CHECK(c.previous->entries.size() == 2);
  CHECK(c.previous->stated.total == std::optional<std::int64_t>(53509));
}

TEST_CASE("parsing - names with their party") {
  auto doc = parse("Lab 40,738; Con 35,688; Waheed Akbar (WPB) 8,396 (8.3%)\n"
                   "Labour 185,051; Independent \xE2\x80\x93 Jamie Driscoll 126,652 (28.2%); Conservative 52,446\n");
  REQUIRE(doc.contests.size() == 2);
  CHECK(doc.contests[0].entries[2].label == "WPB");
  CHECK(doc.contests[0].entries[2].name == std::optional<std::string>("Waheed Akbar"));
  CHECK(doc.contests[1].entries[1].label == "Independent");
  CHECK(doc.contests[1].entries[1].name == std::optional<std::string>("Jamie Driscoll"));
}

TEST_CASE("parsing - figures quoted from a contest are not contests") {
  auto doc = parse("\tLocal authority\tWard\tVote\n1\tSouthampton\tBevois\t848 (32.2%)\n2\tPreston\tDeepdale\t522 (31.3%)\n\n"
                   "Stroud\tRodborough\tCllr Robin Layfield & Helen Elliott-Boult\t450 (25.2%) & 303\n"
                   "Manchester\tLongsight\tShahbaz Sarwar\t2,444 (46.3%) Elected\n");
  CHECK(doc.contests.empty());
  REQUIRE(doc.quotes.size() == 4);
  CHECK(doc.quotes[0].rank == std::optional<std::int64_t>(1));
  CHECK(doc.quotes[0].area == std::optional<std::string>("Southampton"));
  CHECK(doc.quotes[0].ward == std::optional<std::string>("Bevois"));
  CHECK(doc.quotes[0].votes == std::vector<std::int64_t>{848});
  CHECK(doc.quotes[2].votes == std::vector<std::int64_t>{450, 303});
  CHECK(doc.quotes[3].elected_marker);
}

TEST_CASE("parsing - headings and prose are not results") {
  auto doc = parse("Local elections 2024\n\nEastern \xE2\x80\x93 page 11\n\nMay 8th 2024\n\n"
                   "The total vote for all TUSC candidates on May 2nd was a still modest but very creditable 41,328, broken down "
                   "into 23,431 votes for the council candidates, 15,216 in the GLA elections, and 2,681 \xE2\x80\x93 5.4% of the vote.\n");
  CHECK(doc.contests.empty());
  CHECK(doc.quotes.empty());
  // nothing is read, and the first figure is pointed at (not the year, the page or the date): a hint, not a fault
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].level == severity::info);
  CHECK(doc.diagnostics[0].where.line == 7);
  CHECK(doc.diagnostics[0].where.column == 90);  // (41,328: not `May 2nd`)
  CHECK_THAT(doc.diagnostics[0].message, Catch::Contains("nothing was read"));
}

TEST_CASE("parsing - malformed input") {
  SECTION("a label with no number is skipped with its place") {
    auto doc = parse("Lab 1,160; Green; Con 529");
    REQUIRE(doc.contests.size() == 1);
    CHECK(doc.contests[0].entries.size() == 2);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].level == severity::warning);
    CHECK(doc.diagnostics[0].where.column == 12);
  }
  SECTION("a list with several unreadable parts is still results, each part skipped and said so") {
    // (tests/data/malformed.txt's first line: it was read as a heading, its three results lost with nothing said)
    auto doc = parse(test::read_file("tests/data/malformed.txt").substr(0, 62));
    REQUIRE(doc.contests.size() == 1);
    REQUIRE(doc.contests[0].entries.size() == 3);
    CHECK(doc.contests[0].entries[0].votes == 1160);
    CHECK(doc.contests[0].entries[2].label == "TUSC");
    REQUIRE(test::count_diags(doc, diag_code::unreadable_token) == 2);
    CHECK(doc.diagnostics[0].where.column == 12);
    CHECK(doc.diagnostics[1].where.column == 29);
    // prose with a figure or two and no list is still not results
    CHECK(parse("In 2021 we won; they lost; nobody knew why it was 5 to 3 in the end\n").contests.empty());
  }
  SECTION("a space a PDF lost: after a comma before votes, before a bracketed share") {
    auto doc = parse("Jo Smith, Labour, 1,053\nKim Brown, Conservative,529\n");
    REQUIRE(doc.contests.size() == 1);
    REQUIRE(doc.contests[0].entries.size() == 2);
    CHECK(doc.contests[0].entries[1].votes == 529);
    auto row = parse("Lab 1,160; TUSC 218(9.7%)");
    REQUIRE(row.contests.size() == 1);
    CHECK(row.contests[0].entries[1].printed_percent == std::optional<double>(9.7));
    auto council = parse("Fryerns\nSMITH Jo\tLabour Party\t1,053\t66.6%\tElected\nBROWN Kim\tConservative Party\t529\t33.4%\n"
                         "Ballot papers issued: 2,250(25.0%)\n");
    REQUIRE(council.contests.size() == 1);
    CHECK(council.contests[0].stated.ballots == std::optional<std::int64_t>(2250));
    CHECK(council.contests[0].stated.turnout_percent == std::optional<double>(25.0));
    CHECK(parse("Lab 1,160; Con 529").contests.at(0).entries.at(0).votes == 1160);  // (a count's own commas stay)
  }
  SECTION("a list of counts whose labels are not labels is said, not dropped in silence") {
    auto doc = parse("Heading\nLD3 5; Q1 1\n");
    CHECK(doc.contests.empty());
    REQUIRE(test::count_diags(doc, diag_code::unreadable_token) == 1);
    CHECK(doc.diagnostics[0].where.line == 2);
    CHECK(doc.diagnostics[0].where.column == 1);
    CHECK(doc.diagnostics[0].message.find("party labels (no digits)") != std::string::npos);
    // the same line cached and met again says it again; a date or prose with figures says nothing
    line_cache cache;
    parse_options o;
    o.cache = &cache;
    (void)parse("LD3 5; Q1 1\n", o);
    CHECK(test::count_diags(parse("Top\nLD3 5; Q1 1\n", o), diag_code::unreadable_token) == 1);
    CHECK(parse("Thursday 2 May 2024\nIn 2021 we won; they lost; nobody knew why it was 5 to 3 in the end\n").diagnostics.empty());
  }
  SECTION("results with no ';' at all are read when every label is a party's, and said so") {
    auto doc = parse("Lab 1160 Con 529 LD 329\n");
    REQUIRE(doc.contests.size() == 1);
    CHECK(doc.contests[0].entries.size() == 3);
    CHECK(test::count_diags(doc, diag_code::missing_separator) == 2);
    CHECK(parse("Thursday 2 May 2024\n").contests.empty());  // (a date is still a heading)
  }
  SECTION("a share posted without votes is said, not dropped in silence") {
    auto doc = parse("Fryerns by-election result:\nLAB: 51.9% (+3.1)\nCON: 23.7% (-5.0)\n");
    CHECK(doc.contests.empty());
    REQUIRE(test::count_diags(doc, diag_code::unreadable_token) == 2);
    CHECK(doc.diagnostics[0].where.line == 2);
    CHECK(doc.diagnostics[0].message.find("share alone") != std::string::npos);
  }
  SECTION("a share and change printed after the votes without % are read as printed") {
    // (a Wikipedia box's rows pasted with spaces for tabs): they were dropped without a word
    auto doc = parse("Sam Huggins (Lab) 1,160 51.9 +3.1\nKim Brown (Con) 529 23.7 \xE2\x88\x92" "5.0\n");
    REQUIRE(doc.contests.size() == 1);
    REQUIRE(doc.contests[0].entries.size() == 2);
    CHECK(doc.contests[0].entries[0].printed_percent == std::optional<double>(51.9));
    CHECK(doc.contests[0].entries[0].printed_change == std::optional<double>(3.1));
    CHECK(doc.contests[0].entries[1].printed_change == std::optional<double>(-5.0));
    // checked like any printed share: these two rows are not the whole contest
    CHECK(test::count_checks(compute(doc).contests[0], "share_mismatch") == 2);
  }
  SECTION("a missing ';' reads two results and says so") {
    auto doc = parse("Lab 228; Con 124; Ind 106 Con 91; TUSC 27 (2.1%)");
    REQUIRE(doc.contests.size() == 1);
    CHECK(doc.contests[0].entries.size() == 5);
    REQUIRE(test::count_diags(doc, diag_code::missing_separator) == 1);
    CHECK(doc.diagnostics[0].where.column == 27);
  }
  SECTION("irregular separators are read and noted") {
    auto doc = parse("Lab 1,16,0; Con 529");
    CHECK(doc.contests.at(0).entries.at(0).votes == 1160);
    CHECK(test::count_diags(doc, diag_code::odd_number) == 1);
  }
  SECTION("absurd numbers are refused, not wrapped") {
    auto doc = parse("Lab 99999999999999999999999; Con 529; LD 3");
    CHECK(test::count_diags(doc, diag_code::number_too_large) == 1);
    CHECK(doc.contests.at(0).entries.size() == 2);
  }
  SECTION("votes up to 10^12 are exact") {
    auto doc = parse("Lab 1,000,000,000,000; Con 999,999,999,999");
    CHECK(doc.contests.at(0).entries.at(0).votes == 1000000000000LL);
  }
  SECTION("input over the limit is refused whole") {
    parse_options o;
    o.max_bytes = 10;
    auto doc = parse("Lab 1,160; Con 529", o);
    CHECK(doc.contests.empty());
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].level == severity::error);
  }
  SECTION("garbage, control characters and invalid UTF-8 never crash") {
    std::string junk = "\x01\x02;;;\xff\xfe<<<>>> (((%%%)));\t\t\t\r\n\xE2\x80\n;;;;;Lab;;;;5;;;";
    auto doc = parse(junk);
    CHECK(doc.contests.size() <= 1);
  }
}

TEST_CASE("parsing - a council results page copied from the browser") {
  auto doc = parse(test::read_file("tests/data/council-page.txt"));
  REQUIRE(doc.contests.size() == 1);
  const auto& c = doc.contests[0];
  CHECK(c.ward == std::optional<std::string>("Fryerns Ward"));
  REQUIRE(c.entries.size() == 6);
  CHECK(c.entries[0].name == std::optional<std::string>("BROWN Kim"));
  CHECK(c.entries[0].label == "Conservative Party Candidate");
  CHECK(c.entries[0].printed_percent == std::optional<double>(11.9));
  CHECK(c.entries[3].elected_marker);
  CHECK_FALSE(c.entries[2].elected_marker);
  CHECK(c.stated.electorate == std::optional<std::int64_t>(9012));
  CHECK(c.stated.ballots == std::optional<std::int64_t>(2250));
  CHECK(c.stated.turnout_percent == std::optional<double>(25.0));
  CHECK(c.stated.rejected == std::optional<std::int64_t>(14));
  CHECK(doc.diagnostics.empty());  // the date line is a heading, not two results

  auto r = compute(doc);
  const auto& cr = r.contests[0];
  CHECK(cr.seats == 3);
  CHECK(cr.seats_from == "elected markers");
  CHECK(test::party(cr, "Lab")->candidates == 3);  // Labour and Labour Co-operative together
  CHECK(test::party(cr, "Lab")->seats_won == 3);
  CHECK(cr.turnout_percent);
  CHECK(cr.checks.empty());  // the page's percentages are shares of all votes: another method, not an error
  // every candidate's share is printed, so no party is the page's focus until the user picks one
  CHECK_FALSE(cr.focus);
  CHECK(report_line(cr) == "Con 529; TUSC 218; LD 329; Lab 1,160; Lab 1,142; Lab 1,053 Votes cast 2,236");
  compute_options tusc;
  tusc.focus = "TUSC";
  CHECK(report_line(compute(doc, tusc).contests[0]) == "Con 529; TUSC 218 (9.7%); LD 329; Lab 1,160; Lab 1,142; Lab 1,053 Votes cast 2,236");
}

TEST_CASE("parsing - a council page with an Outcome column and a Voting Summary below") {
  // tests/data/council-page-outcome.txt: `Not elected` in the last column, shares with two decimals, `Election
  // results for Fryerns` and a date above, `Electorate:<TAB>9,012` and `Turnout:<TAB>24.97%` under a caption.
  // Before: the three rows marked `Not elected` were dropped without a word, and the summary's figures became
  // contests of their own
  auto doc = parse(test::read_file("tests/data/council-page-outcome.txt"));
  REQUIRE(doc.contests.size() == 1);
  const auto& c = doc.contests[0];
  CHECK(c.ward == std::optional<std::string>("Fryerns"));
  REQUIRE(c.entries.size() == 6);
  std::int64_t votes = 0;
  for (const auto& e : c.entries) votes += e.votes;
  CHECK(votes == 1160 + 1142 + 1053 + 529 + 329 + 218);
  CHECK(c.entries[0].name == std::optional<std::string>("Kim Brown"));
  CHECK_FALSE(c.entries[0].elected_marker);
  CHECK(c.entries[3].elected_marker);
  CHECK(c.entries[3].printed_percent == std::optional<double>(26.18));
  CHECK(c.stated.electorate == std::optional<std::int64_t>(9012));
  CHECK(c.stated.ballots == std::optional<std::int64_t>(2250));
  CHECK(c.stated.rejected == std::optional<std::int64_t>(14));
  CHECK(c.stated.turnout_percent == std::optional<double>(24.97));
  CHECK(doc.diagnostics.empty());

  auto r = compute(doc);
  const auto& cr = r.contests[0];
  CHECK(cr.seats == 3);
  CHECK(test::party(cr, "Lab")->seats_won == 3);
  // the page's one typo (TUSC's 4.92% printed 4.29%) is the one check: every other share is right at two
  // decimals, the turnout too
  REQUIRE(cr.checks.size() == 1);
  CHECK(cr.checks[0].code == "share_mismatch");
  CHECK(cr.checks[0].message.rfind("printed 4.29% for Trade Unionist and Socialist Coalition 218", 0) == 0);

  // the same summary's figures alone, with nothing above: said, not read as contests
  auto alone = parse("Voting Summary\nElectorate:\t9,012\nTurnout:\t24.97%\n");
  CHECK(alone.contests.empty());
  CHECK(test::count_diags(alone, diag_code::orphan_total) == 2);
}

TEST_CASE("parsing - a declaration of result of poll, its columns laid out with spaces") {
  // tests/data/declaration.txt, as text copied from a council's PDF: columns are runs of spaces, the rejected
  // ballot papers are listed by reason, and electorate, ballots and turnout share one line. Before: nothing was
  // read (`No contests found`, only three orphaned figures said)
  auto doc = parse(test::read_file("tests/data/declaration.txt"));
  REQUIRE(doc.contests.size() == 1);
  const auto& c = doc.contests[0];
  CHECK(c.area == std::optional<std::string>("Fryerns Ward"));  // (the prose below the headings commits them)
  REQUIRE(c.entries.size() == 6);
  CHECK(c.entries[0].name == std::optional<std::string>("BROWN Kim"));
  CHECK(c.entries[0].label == "Conservative Party Candidate");
  CHECK(c.entries[0].votes == 529);
  CHECK(c.entries[3].votes == 1160);
  CHECK(c.entries[3].elected_marker);
  CHECK_FALSE(c.entries[2].elected_marker);
  CHECK(c.stated.rejected == std::optional<std::int64_t>(14));  // the reasons' `Total`, not four candidates
  CHECK(c.stated.electorate == std::optional<std::int64_t>(9012));
  CHECK(c.stated.ballots == std::optional<std::int64_t>(2250));
  CHECK(c.stated.turnout_percent == std::optional<double>(24.97));
  CHECK(doc.diagnostics.empty());
  auto r = compute(doc);
  CHECK(r.contests[0].seats == 3);
  CHECK(r.contests[0].checks.empty());
  CHECK(report_line(r.contests[0]) == "Con 529; TUSC 218; LD 329; Lab 1,160; Lab 1,142; Lab 1,053 Votes cast 2,236");

  // indenting is not a column, nor are two spaces; three between words are
  CHECK(parse("        4,089\n").contests.size() == 0);
  CHECK(parse("Lab 1,160;  Con 529\n").contests.at(0).entries.size() == 2);
  auto row = parse("Fryerns\nHUGGINS Sam   Labour Party   1160\nBROWN Kim   Conservative Party   529\n");
  REQUIRE(row.contests.size() == 1);
  CHECK(row.contests[0].entries.size() == 2);
  CHECK(row.contests[0].ward == std::optional<std::string>("Fryerns"));
}

TEST_CASE("parsing - results cards copied a field a line") {
  // tests/data/council-cards.txt: the council page's Fryerns rows as cards (name, party, votes, share, outcome
  // a line each, under the column headings copied a line each), then Pitsea North West with the party above
  // the name and whole percentages. Each card was read as nothing, and said nothing, before.
  auto doc = parse(test::read_file("tests/data/council-cards.txt"));
  CHECK(doc.shape == "council");
  CHECK(doc.diagnostics.empty());
  REQUIRE(doc.contests.size() == 2);
  const auto& f = doc.contests[0];
  CHECK(f.ward == std::optional<std::string>("Fryerns Ward"));  // not `Outcome`: the column headings head nothing
  CHECK(f.area == std::optional<std::string>("Borough Council Elections 2024"));
  CHECK(f.line == 9);  // the first card's name
  CHECK(f.stated.electorate == std::optional<std::int64_t>(9012));
  CHECK(f.stated.ballots == std::optional<std::int64_t>(2250));
  CHECK(f.stated.rejected == std::optional<std::int64_t>(14));
  // the same candidates, parties, votes and marks as the page's table gives
  auto page = parse(test::read_file("tests/data/council-page.txt"));
  REQUIRE(page.contests.size() == 1);
  REQUIRE(f.entries.size() == page.contests[0].entries.size());
  for (const auto& e : f.entries) {
    INFO(*e.name);
    auto same = std::find_if(page.contests[0].entries.begin(), page.contests[0].entries.end(),
                             [&e](const entry& p) { return p.name == e.name; });
    REQUIRE(same != page.contests[0].entries.end());
    CHECK(e.label == same->label);
    CHECK(e.votes == same->votes);
    CHECK(e.elected_marker == same->elected_marker);
    REQUIRE(e.printed_percent);
    if (*e.name != "PATEL Dev") CHECK(e.printed_percent == same->printed_percent);
  }
  CHECK(f.entries[0].where.line == 11);  // at its votes
  CHECK(f.entries[0].where.column == 1);
  const auto& p = doc.contests[1];
  CHECK(p.ward == std::optional<std::string>("Pitsea North West Ward"));
  REQUIRE(p.entries.size() == 8);
  CHECK(p.entries[0].name == std::optional<std::string>("Alan Marsh"));
  CHECK(p.entries[0].label == "Labour Party");
  CHECK(p.entries[7].votes == 137);
  CHECK(p.entries[7].percent_decimals == 0);

  auto r = compute(doc);
  CHECK(r.contests[0].seats == 3);  // from the Elected lines
  CHECK(test::party(r.contests[0], "TUSC")->share_tenths == 97);
  // the one typo: PATEL Dev's 28.3% for 23.8% of all votes (digits swapped), held against all votes as the
  // card's other shares are, not against the method's 47.1%
  REQUIRE(test::count_checks(r.contests[0], "share_mismatch") == 1);
  CHECK(r.contests[0].checks[0].message ==
        "printed 28.3% for Labour Party 1,053, computed 23.8% (1,053 / 4,431, of all votes, as its other shares are); "
        "off by 4.5 points; no stated figure reproduces it (a denominator from 3,715 to 3,727 would)");
  CHECK(r.contests[1].seats == 3);
  CHECK(test::party(r.contests[1], "TUSC")->share_tenths == 66);  // the report's 6.6%
  CHECK(r.contests[1].checks.empty());  // whole percentages of all votes, each right

  SECTION("a name and party on one line, then the votes") {
    auto one = parse("Fryerns\nSam Huggins (Labour)\n1,160\nElected\nKim Brown - Conservative\n529\n");
    REQUIRE(one.contests.size() == 1);
    REQUIRE(one.contests[0].entries.size() == 2);
    CHECK(one.contests[0].ward == std::optional<std::string>("Fryerns"));
    CHECK(one.contests[0].entries[0].name == std::optional<std::string>("Sam Huggins"));
    CHECK(one.contests[0].entries[0].label == "Labour");
    CHECK(one.contests[0].entries[0].elected_marker);
    CHECK(one.contests[0].entries[1].label == "Conservative");
  }
  SECTION("the votes with the word: `1,160 votes`") {
    auto votes = parse("Fryerns\nLabour\nSam Huggins\n1,160 votes\n51.9%\nConservative\nKim Brown\n529 votes\n23.7%\n");
    REQUIRE(votes.contests.size() == 1);
    REQUIRE(votes.contests[0].entries.size() == 2);
    CHECK(votes.contests[0].entries[1].votes == 529);
    CHECK(votes.contests[0].entries[1].printed_percent == std::optional<double>(23.7));
  }
  SECTION("among cards, a party the registry does not know; a count with no card above it is said") {
    auto doc2 = parse("Fryerns Ward\nSam Huggins\nLabour Party\n1,160\nKim Brown\nYorkshire Independents\n529\nPat Lee\n218\n\n"
                      "Pitsea North West Ward\nLabour Party\nAlan Marsh\n1,026\nHeritage Folk\nGus Ingram\n200\n");
    REQUIRE(doc2.contests.size() == 2);
    REQUIRE(doc2.contests[0].entries.size() == 2);
    CHECK(doc2.contests[0].entries[1].label == "Yorkshire Independents");
    CHECK(doc2.contests[0].entries[1].name == std::optional<std::string>("Kim Brown"));
    // (in the party-above-name order of the ward's first card)
    REQUIRE(doc2.contests[1].entries.size() == 2);
    CHECK(doc2.contests[1].entries[1].label == "Heritage Folk");
    CHECK(doc2.contests[1].entries[1].name == std::optional<std::string>("Gus Ingram"));
    CHECK(doc2.contests[1].area != std::optional<std::string>("Pat Lee"));  // the unread card's lines head nothing
    REQUIRE(doc2.diagnostics.size() == 1);
    CHECK(doc2.diagnostics[0].where.line == 9);
    CHECK(doc2.diagnostics[0].message == "expected a candidate's name and party on the lines above this count: not read");
  }
  SECTION("a list of parties with a count under each is not results, and each count is said") {
    // as seed 000 (registered party names and how often each appears) reads with its table's rules lost
    auto list = parse("Labour Party\n4,082\nLiberal Democrats\n4,065\nTraditional Unionist Voice - TUV\n8\n");
    CHECK(list.contests.empty());
    // (each count was read as a heading, and dropped without a word)
    REQUIRE(list.diagnostics.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(list.diagnostics[i].where.line == 2 * i + 2);
      CHECK(list.diagnostics[i].level == severity::warning);
    }
  }
  SECTION("a count alone with no card above it is said, and heads nothing") {
    // before, `1,160` was a heading: dropped without a word, and the next contest's ward
    auto lone = parse("Fryerns\nSam Huggins\n1,160\nPitsea North West\tAlan Marsh\tLab 1,026; Con 529\n");
    REQUIRE(lone.contests.size() == 1);
    CHECK(lone.contests[0].ward == std::optional<std::string>("Pitsea North West"));
    CHECK(lone.contests[0].area != std::optional<std::string>("1,160"));
    REQUIRE(lone.diagnostics.size() == 1);
    CHECK(lone.diagnostics[0].where.line == 3);
    CHECK(lone.diagnostics[0].where.column == 1);
    CHECK(lone.diagnostics[0].message == "expected a candidate's name and party on the lines above this count: not read");
    // a year alone is a heading still
    auto year = parse("2024\nFryerns\tEleanor Donne\tLab 1,160; Con 529\n");
    CHECK(year.diagnostics.empty());
    REQUIRE(year.contests.size() == 1);
    CHECK(year.contests[0].area == std::optional<std::string>("2024"));
  }
  SECTION("an Elected badge between a card's name and party, or just above its votes") {
    // as a card copies with its badge beside the name: before, the first card was lost (its votes the ward)
    auto badge = parse("Fryerns\nSam Huggins\nElected\nLabour\n1,160\nKim Brown\nConservative\nElected\n529\n"
                       "Amy Lee\nGreen Party\n300\n");
    CHECK(badge.diagnostics.empty());
    REQUIRE(badge.contests.size() == 1);
    const auto& b = badge.contests[0];
    CHECK(b.ward == std::optional<std::string>("Fryerns"));
    REQUIRE(b.entries.size() == 3);
    CHECK(b.entries[0].name == std::optional<std::string>("Sam Huggins"));
    CHECK(b.entries[0].label == "Labour");
    CHECK(b.entries[0].votes == 1160);
    CHECK(b.entries[0].elected_marker);
    CHECK(b.entries[1].elected_marker);
    CHECK(!b.entries[2].elected_marker);
    CHECK(compute(badge).contests[0].seats == 2);  // from the badges
  }
}

TEST_CASE("parsing - results posted a party a line") {
  // as by-election results are posted: a party and its votes a line, maybe the share and change in one bracket.
  // Each line was a heading (or, with a share, a quote of a contest), and nothing was read.
  auto plain = parse("Fryerns by-election\nLabour 1,160\nConservative 529\nLib Dem 329\nLab GAIN from Con\n");
  REQUIRE(plain.contests.size() == 1);
  CHECK(plain.contests[0].ward == std::optional<std::string>("Fryerns by-election"));
  REQUIRE(plain.contests[0].entries.size() == 3);
  CHECK(plain.contests[0].entries[2].label == "Lib Dem");
  auto posted = parse("Fryerns\nLab 1160 (51.9%, +3.1)\nCon 529 (23.7%, -5.0)\nLD 329 (14.7%, +1.2)\nTUSC 218 (9.7%, new)\n"
                      "Majority: 631\nTurnout: 24.9%\n");
  CHECK(posted.diagnostics.empty());
  REQUIRE(posted.contests.size() == 1);
  const auto& c = posted.contests[0];
  REQUIRE(c.entries.size() == 4);
  CHECK(c.entries[0].printed_percent == std::optional<double>(51.9));
  CHECK(c.entries[1].printed_change == std::optional<double>(-5.0));
  CHECK(c.entries[3].printed_percent == std::optional<double>(9.7));
  CHECK(!c.entries[3].printed_change);  // `new`
  CHECK(c.stated.majority == std::optional<std::int64_t>(631));
  CHECK(c.stated.turnout_percent == std::optional<double>(24.9));
  CHECK(compute(posted).contests[0].checks.empty());
  // on one line after the ward, its colon is not the ward's
  auto one = parse("Fryerns: Lab 1160 (51.9%, +3.1); Con 529 (23.7%, -5.0); LD 329 (14.7%, +1.2); TUSC 218 (9.7%)\n");
  REQUIRE(one.contests.size() == 1);
  CHECK(one.contests[0].ward == std::optional<std::string>("Fryerns"));
  CHECK(one.contests[0].entries[2].printed_change == std::optional<double>(1.2));
  // a party's name and a year is a heading, not its votes
  auto year = parse("Reform 2024\nFryerns\tEleanor Donne\tLab 1,160; Con 529\n");
  REQUIRE(year.contests.size() == 1);
  CHECK(year.contests[0].area == std::optional<std::string>("Reform 2024"));

  SECTION("the count's `votes` after it") {
    // `Labour 1,160 votes` was a heading (the count dropped without a word); `Lab 1,160 votes; ...` warned that
    // `votes` had no count
    auto votes = parse("Fryerns\nLabour 1,160 votes\nConservative 529 votes\nMajority 631 votes\n");
    CHECK(votes.diagnostics.empty());
    REQUIRE(votes.contests.size() == 1);
    REQUIRE(votes.contests[0].entries.size() == 2);
    CHECK(votes.contests[0].entries[0].votes == 1160);
    CHECK(votes.contests[0].stated.majority == std::optional<std::int64_t>(631));
    auto listed = parse("Fryerns\tEleanor Donne\tLab 1,160 votes; Con 529 votes (9.7%) Votes cast 2,236\n");
    CHECK(listed.diagnostics.empty());
    REQUIRE(listed.contests.size() == 1);
    CHECK(listed.contests[0].entries.size() == 2);
    CHECK(listed.contests[0].stated.total == std::optional<std::int64_t>(2236));  // (`Votes cast` still a phrase)
  }
  SECTION("results written as a sentence: commas between them, a full stop after") {
    // each was a heading before, and nothing was read
    for (const char* text : {"Fryerns: Labour 1,160, Conservative 529, Lib Dem 329, TUSC 218.\n",
                             "Fryerns: Labour 1,160 votes, Conservative 529 votes, Lib Dem 329 votes, TUSC 218 votes.\n",
                             "Fryerns\nLabour 1,160 (51.9%), Conservative 529 (23.7%), Lib Dem 329 (14.7%), TUSC 218 (9.7%)\n"}) {
      INFO(text);
      auto doc = parse(text);
      CHECK(doc.diagnostics.empty());
      REQUIRE(doc.contests.size() == 1);
      CHECK(doc.contests[0].ward == std::optional<std::string>("Fryerns"));
      REQUIRE(doc.contests[0].entries.size() == 4);
      CHECK(doc.contests[0].entries[1].label == "Conservative");
      CHECK(doc.contests[0].entries[3].votes == 218);
      CHECK(test::party(compute(doc).contests[0], "TUSC")->share_tenths == 97);
    }
    // a ward of words that could be a name, then a colon: the ward, not a candidate's name
    auto ward = parse("Pitsea North West: Labour 1,026 votes, Conservative 706 votes, Lib Dem 200 votes, TUSC 137 votes.\n");
    REQUIRE(ward.contests.size() == 1);
    CHECK(ward.contests[0].ward == std::optional<std::string>("Pitsea North West"));
    REQUIRE(ward.contests[0].entries.size() == 4);
    CHECK(!ward.contests[0].entries[0].name);
    // a party, a colon and its candidate (`Labour: Sam Huggins 1,160`): read as nothing before
    auto colon = parse("Fryerns\nLabour: Sam Huggins 1,160\nConservative: Kim Brown 529\n");
    REQUIRE(colon.contests.size() == 1);
    REQUIRE(colon.contests[0].entries.size() == 2);
    CHECK(colon.contests[0].entries[0].label == "Labour");
    CHECK(colon.contests[0].entries[0].name == std::optional<std::string>("Sam Huggins"));
    CHECK(colon.contests[0].entries[1].votes == 529);
    // a list with commas is results only when every label is a party's: a date and a place stay a heading
    auto date = parse("Thursday 2 May 2024, Basildon\nFryerns\tEleanor Donne\tLab 1,160; Con 529\n");
    CHECK(date.diagnostics.empty());
    REQUIRE(date.contests.size() == 1);
    CHECK(date.contests[0].area == std::optional<std::string>("Thursday 2 May 2024, Basildon"));
  }
}

TEST_CASE("parsing - a name and a party with only spaces between, and a count in brackets") {
  // a council page or a list whose tabs were lost in the copying: each line was a heading, and every count was
  // dropped without a word
  auto spaced = parse("Fryerns Ward\n\nCandidate Party Votes %\nHUGGINS Sam The Labour Party Candidate 1,160 51.9% Elected\n"
                      "BROWN Kim Conservative Party Candidate 529 23.7%\nGREEN Alex Liberal Democrat Focus Team 329 14.7%\n"
                      "DONNE Eleanor Trade Unionist and Socialist Coalition 218 9.7%\n");
  CHECK(spaced.diagnostics.empty());
  REQUIRE(spaced.contests.size() == 1);
  const auto& c = spaced.contests[0];
  CHECK(c.ward == std::optional<std::string>("Fryerns Ward"));  // (not `Fryerns Ward - Candidate Party Votes %`)
  REQUIRE(c.entries.size() == 4);
  CHECK(c.entries[0].name == std::optional<std::string>("HUGGINS Sam"));
  CHECK(c.entries[0].label == "The Labour Party Candidate");
  CHECK(c.entries[0].elected_marker);
  CHECK(c.entries[2].name == std::optional<std::string>("GREEN Alex"));  // (a surname that is a party's)
  CHECK(c.entries[2].label == "Liberal Democrat Focus Team");
  auto r = compute(spaced);
  REQUIRE(test::party(r.contests[0], "LD"));
  CHECK(test::party(r.contests[0], "LD")->total == 329);
  CHECK(test::party(r.contests[0], "Lab")->share_tenths == 519);  // (its printed share: no mismatch)
  CHECK(r.contests[0].checks.empty());
  // the same, with no share: one candidate a line
  auto lines = parse("Fryerns\nSam Huggins Labour 1,160\nKim Brown Conservative 529\n");
  REQUIRE(lines.contests.size() == 1);
  REQUIRE(lines.contests[0].entries.size() == 2);
  CHECK(lines.contests[0].entries[1].name == std::optional<std::string>("Kim Brown"));
  CHECK(lines.contests[0].entries[1].label == "Conservative");
  // a place and a party with a year is still a heading
  auto year = parse("North West Labour 2024\nFryerns\tEleanor Donne\tLab 1,160; Con 529\n");
  REQUIRE(year.contests.size() == 1);
  CHECK(year.contests[0].area == std::optional<std::string>("North West Labour 2024"));

  // `Sam Huggins, Labour (1,160)`: the count in brackets, a line each or in a sentence (not a year in brackets)
  for (const char* text : {"Fryerns\nSam Huggins, Labour (1,160)\nKim Brown, Conservative (529)\n",
                           "Fryerns: Labour (1,160), Conservative (529).\n", "Fryerns: Labour 1,160 (51.9%), Conservative 529 (23.7%).\n"}) {
    INFO(text);
    auto doc = parse(text);
    CHECK(doc.diagnostics.empty());
    REQUIRE(doc.contests.size() == 1);
    CHECK(doc.contests[0].ward == std::optional<std::string>("Fryerns"));
    REQUIRE(doc.contests[0].entries.size() == 2);
    CHECK(doc.contests[0].entries[0].votes == 1160);
    CHECK(doc.contests[0].entries[1].label == "Conservative");
  }
  // a numbered list, and a surname first with a comma: each line was a heading, its count dropped without a word
  const std::pair<const char*, std::uint32_t> listed[] = {
      {"Fryerns\n1. Sam Huggins (Labour) 1,160\n2. Kim Brown (Conservative) 529\n", 4},
      {"Fryerns\nHuggins, Sam (Labour Party) 1,160 Elected\nBrown, Kim (Conservative Party) 529\n", 1},
      {"Fryerns\nLabour (Sam Huggins) 1,160\nConservative (Kim Brown) 529\n", 1}};  // (the party first, the name in brackets)
  for (const auto& [text, column] : listed) {
    INFO(text);
    auto doc = parse(text);
    CHECK(doc.diagnostics.empty());
    REQUIRE(doc.contests.size() == 1);
    REQUIRE(doc.contests[0].entries.size() == 2);
    CHECK(doc.contests[0].entries[0].votes == 1160);
    CHECK(doc.contests[0].entries[0].where.column == column);  // (where the name starts: not at the rank)
    CHECK(doc.contests[0].entries[1].votes == 529);
    CHECK(doc.contests[0].entries[1].name->find("Kim") != std::string::npos);
  }
  // `Ward: Fryerns`: the heading's caption is not the ward's name
  auto caption = parse("Ward: Fryerns\nLabour 1,160; Conservative 529\n");
  REQUIRE(caption.contests.size() == 1);
  CHECK(caption.contests[0].ward == std::optional<std::string>("Fryerns"));
}

TEST_CASE("parsing - cards with captioned or signed figures, a name and party in one column, a heading with a colon") {
  // a card's share and the change under it: the change was taken for the next contest's ward (`+3.1`), splitting
  // the contest in two
  auto signed_change = parse("Fryerns\nLabour\nSam Huggins\n1,160\n51.9%\n+3.1\nConservative\nKim Brown\n529\n23.7%\n-5.0\n");
  CHECK(signed_change.diagnostics.empty());
  REQUIRE(signed_change.contests.size() == 1);
  REQUIRE(signed_change.contests[0].entries.size() == 2);
  CHECK(signed_change.contests[0].entries[0].printed_change == std::optional<double>(3.1));
  CHECK(signed_change.contests[0].entries[1].printed_change == std::optional<double>(-5.0));
  CHECK(signed_change.contests[0].entries[1].printed_percent == std::optional<double>(23.7));
  // a second percentage with no sign or caption is said, not taken for the next card's ward (`3.1%` was one)
  auto unsigned_change = parse("Fryerns\nLabour\nSam Huggins\n1,160\n51.9%\n3.1%\nConservative\nKim Brown\n529\n");
  REQUIRE(unsigned_change.contests.size() == 1);
  CHECK(unsigned_change.contests[0].entries.size() == 2);
  REQUIRE(unsigned_change.diagnostics.size() == 1);
  CHECK(unsigned_change.diagnostics[0].where.line == 6);
  CHECK(unsigned_change.diagnostics[0].code == diag_code::unreadable_token);
  // its figures with their captions: read as nothing before, without a word
  auto captioned = parse("Fryerns\nSam Huggins\nLabour\nVotes: 1,160\nShare: 51.9%\nChange: +3.1\n"
                         "Kim Brown\nConservative\nVotes: 529\nShare: 23.7%\n");
  CHECK(captioned.diagnostics.empty());
  REQUIRE(captioned.contests.size() == 1);
  const auto& c = captioned.contests[0];
  CHECK(c.ward == std::optional<std::string>("Fryerns"));
  REQUIRE(c.entries.size() == 2);
  CHECK(c.entries[0].label == "Labour");
  CHECK(c.entries[0].votes == 1160);
  CHECK(c.entries[0].printed_percent == std::optional<double>(51.9));
  CHECK(c.entries[0].printed_change == std::optional<double>(3.1));
  CHECK(c.entries[1].votes == 529);

  // a news site's layout: the outcome under the constituency's name, a caption above each figure. The outcome
  // and the captions were headings, and each candidate a contest of its own (the next one named `Change - -36.3`)
  auto news = parse("Basildon and Billericay\nConservative hold\nCandidates\nRichard Holden\nConservative\nVotes\n12,905\n"
                    "Vote share\n50.0%\nChange\n-36.3\nAlex Harrison\nLabour\nVotes\n12,885\nVote share\n50.0%\nChange\n+8.5\n");
  CHECK(news.diagnostics.empty());
  REQUIRE(news.contests.size() == 1);
  const auto& n = news.contests[0];
  CHECK(n.ward == std::optional<std::string>("Basildon and Billericay"));
  CHECK(n.outcome == std::optional<std::string>("Conservative hold"));
  REQUIRE(n.entries.size() == 2);
  CHECK(n.entries[1].name == std::optional<std::string>("Alex Harrison"));
  CHECK(n.entries[1].printed_change == std::optional<double>(8.5));
  CHECK(compute(news).contests[0].checks.empty());  // (the outcome and both shares agree with the votes)

  // a name and its party in one column: each row was a contest of its own, with an unlabelled candidate
  auto one_column = parse("Fryerns\nCandidate\tVotes\nSam Huggins (Labour)\t1,160\nKim Brown (Conservative)\t529\n\n"
                          "Pitsea\nCandidate\tVotes\t%\tElected\nJo Smith, Labour\t900\t60.0%\tYes\nAl Jones, Green\t600\t40.0%\tNo\n");
  CHECK(one_column.diagnostics.empty());
  REQUIRE(one_column.contests.size() == 2);
  REQUIRE(one_column.contests[0].entries.size() == 2);
  CHECK(one_column.contests[0].entries[0].name == std::optional<std::string>("Sam Huggins"));
  CHECK(one_column.contests[0].entries[0].label == "Labour");
  const auto& p = one_column.contests[1];
  CHECK(p.ward == std::optional<std::string>("Pitsea"));
  REQUIRE(p.entries.size() == 2);
  CHECK(p.entries[0].label == "Labour");
  CHECK(p.entries[0].elected_marker);
  CHECK(p.entries[1].printed_percent == std::optional<double>(40.0));
  CHECK(compute(one_column).contests[1].checks.empty());

  // a heading ending with a colon was prose, and the ward was lost; a sentence ending so still is prose
  auto colon = parse("Fryerns (Basildon) council by-election result:\nLAB: 1,160 (51.9%, +3.1)\nCON: 529 (23.7%, -5.0)\n");
  REQUIRE(colon.contests.size() == 1);
  CHECK(colon.contests[0].ward == std::optional<std::string>("Fryerns (Basildon) council by-election"));
  auto sentence = parse("The results were as follows:\nLabour 1,160\nConservative 529\n");
  REQUIRE(sentence.contests.size() == 1);
  CHECK(!sentence.contests[0].ward);
}

TEST_CASE("parsing - a figure that reads as no result is said, not dropped") {
  // under a contest's results, a line with a figure that is not a result (an OCR's `12O`, `LD=329`) was taken for
  // the next contest's heading, and its votes lost without a word
  auto lines = parse("Fryerns\nLabour 1,160\nConservative 529\nLib Dem three hundred\nGreen 12O\n\nPitsea\nLabour 900\n");
  REQUIRE(lines.contests.size() == 2);
  CHECK(lines.contests[0].entries.size() == 2);
  REQUIRE(lines.diagnostics.size() == 1);  // (on the run of lines under the contest: `Green 12O` after the line above it)
  CHECK(lines.diagnostics[0].where.line == 5);
  CHECK(lines.diagnostics[0].where.column == 7);
  CHECK(lines.diagnostics[0].level == severity::warning);
  CHECK_THAT(lines.diagnostics[0].message, Catch::Contains("the line is not read"));
  auto row = parse("Fryerns\tLab 1,160; Con 529\nLD=329\n");
  REQUIRE(row.diagnostics.size() == 1);
  CHECK(row.diagnostics[0].where.line == 2);
  // headings with a year, a day, a decade or seats in them are headings still
  for (const char* heading : {"Pitsea 2024", "Pitsea, 2nd May", "Elections in the 2010s", "Pitsea (3 seats)", "Ward 12",
                              "Election 2024/25", "Declared at 01:30"}) {
    INFO(heading);
    CHECK(parse(std::string("Fryerns\nLabour 1,160\nConservative 529\n") + heading + "\nLabour 900\nGreen 80\n").diagnostics.empty());
  }
  // figures in text that gave nothing at all: the first is pointed at
  auto prose = parse("Fryerns by-election 2024\nLabour got 1,160 votes and the Tories 529.\n");
  CHECK(prose.contests.empty());
  REQUIRE(prose.diagnostics.size() == 1);
  CHECK(prose.diagnostics[0].where.line == 2);
  CHECK(prose.diagnostics[0].where.column == 12);
  CHECK(prose.diagnostics[0].level == severity::info);
  CHECK(parse("Lab=1160, Con=529, LD=329\n").diagnostics.size() == 1);
  CHECK(parse("Fryerns by-election 2024\nThursday 2 May 2024\n").diagnostics.empty());  // (no figure: nothing to say)
}

TEST_CASE("parsing - a box's rows with spaces for tabs, shares written out, outcome lines") {
  // a Wikipedia box's rows pasted with spaces for tabs, the party before the name: each row was a heading, and the
  // turnout row (its percentage and change after the count) was dropped whole, without a word
  auto box = parse("Fryerns\nLabour Sam Huggins 1,160 51.9 +3.1\nLiberal Democrats Kim Brown 529 23.7 -5.0\n"
                   "Majority 631 28.2\nTurnout 2,250 24.9 -1.2\nRegistered electors 9,012\nLabour hold\n");
  CHECK(box.diagnostics.empty());
  REQUIRE(box.contests.size() == 1);
  const auto& c = box.contests[0];
  REQUIRE(c.entries.size() == 2);
  CHECK(c.entries[0].label == "Labour");
  CHECK(c.entries[0].name == std::optional<std::string>("Sam Huggins"));
  CHECK(c.entries[1].label == "Liberal Democrats");  // (the longest party before the name)
  CHECK(c.entries[1].printed_change == std::optional<double>(-5.0));
  CHECK(c.stated.majority == std::optional<std::int64_t>(631));
  CHECK(c.stated.ballots == std::optional<std::int64_t>(2250));
  CHECK(c.stated.turnout_percent == std::optional<double>(24.9));
  CHECK(c.stated.electorate == std::optional<std::int64_t>(9012));
  CHECK(c.outcome == std::optional<std::string>("Labour hold"));

  // a majority with `N/A` for its change (a new seat), the outcome with its swing: the majority row was dropped
  // without a word, and `Labour hold Swing +4.1` was taken for the next contest's heading
  auto na = parse("Fryerns\nLabour Sam Huggins 1,160 51.9 +3.1\nLiberal Democrats Kim Brown 529 23.7 -5.0\n"
                  "Majority 631 28.2 N/A\nLabour hold Swing +4.1\n");
  CHECK(na.diagnostics.empty());
  REQUIRE(na.contests.size() == 1);
  CHECK(na.contests[0].stated.majority == std::optional<std::int64_t>(631));
  CHECK(na.contests[0].outcome == std::optional<std::string>("Labour hold"));
  CHECK(na.contests[0].printed_swing == std::optional<double>(4.1));

  // a box's rows without its header, the change printed with `%`: the first row's change was warned as a share
  // alone, though the row was read as a box's
  auto percent_change = parse("Fryerns\nLabour\tSam Huggins\t1,160\t51.9%\t+3.1%\nConservative\tKim Brown\t529\t23.7%\t-5.0%\n");
  REQUIRE(percent_change.diagnostics.size() == 1);
  CHECK(percent_change.diagnostics[0].code == diag_code::read_as_box);
  REQUIRE(percent_change.contests.size() == 1);
  REQUIRE(percent_change.contests[0].entries.size() == 2);
  CHECK(percent_change.contests[0].entries[0].printed_change == std::optional<double>(3.1));

  // a share written out, a dash between the count and its share: each row was dropped (a share alone was warned)
  for (const char* text : {"Fryerns\nLabour: 1160 votes (51.9 per cent)\nConservative: 529 votes (23.7 per cent)\n",
                           "Fryerns\nLabour \xE2\x80\x94 1,160 \xE2\x80\x94 51.9%\nConservative \xE2\x80\x94 529 \xE2\x80\x94 23.7%\n"}) {
    INFO(text);
    auto doc = parse(text);
    CHECK(doc.diagnostics.empty());
    REQUIRE(doc.contests.size() == 1);
    REQUIRE(doc.contests[0].entries.size() == 2);
    CHECK(doc.contests[0].entries[0].votes == 1160);
    CHECK(doc.contests[0].entries[1].printed_percent == std::optional<double>(23.7));
  }

  // an outcome line under a contest is its outcome (checked), not a heading of the contest below
  auto outcomes = parse("Fryerns result\nLabour 1,160\nConservative 529\nLabour hold\n\nPitsea\nLabour 500\nGreen 600\n"
                        "Labour gain from Green\n");
  REQUIRE(outcomes.contests.size() == 2);
  CHECK(outcomes.contests[0].ward == std::optional<std::string>("Fryerns"));  // (its heading's `result` is not the name)
  CHECK(outcomes.contests[0].outcome == std::optional<std::string>("Labour hold"));
  CHECK(outcomes.contests[1].ward == std::optional<std::string>("Pitsea"));
  CHECK(!outcomes.contests[1].area);  // (it was `Labour hold`)
  auto r = compute(outcomes);
  CHECK(r.contests[0].checks.empty());
  CHECK(test::count_checks(r.contests[1], "outcome_mismatch") == 1);  // (Green won Pitsea by the votes)
}

TEST_CASE("parsing - a council table's Total row") {
  // `Total<TAB><TAB>1,689` was a contest of its own (ward `Total`, one unlabelled candidate at 100%), and took
  // the spoilt ballots below it
  auto doc = parse("Fryerns\nSam Huggins\tLabour Party\t1,160\nKim Brown\tConservative Party\t529\nTotal\t\t1,698\n"
                   "Spoilt ballots\t\t14\n");
  REQUIRE(doc.contests.size() == 1);
  const auto& c = doc.contests[0];
  CHECK(c.entries.size() == 2);
  CHECK(c.stated.total == std::optional<std::int64_t>(1698));
  CHECK(c.stated.rejected == std::optional<std::int64_t>(14));
  auto r = compute(doc);
  REQUIRE(test::count_checks(r.contests[0], "total_mismatch") == 1);  // (1,160 + 529 is 1,689: a typo found)
}

TEST_CASE("parsing - a table row whose party did not copy is said, not dropped") {
  // a council page whose party column is logos: the text has the names and votes, nothing between
  auto doc = parse("Fryerns Ward\nCandidate\tParty\tVotes\tOutcome\nSam Huggins\t\t1,160\tElected\nKim Brown\t\t529\tNot elected\n");
  CHECK(doc.contests.empty());
  REQUIRE(doc.diagnostics.size() == 2);
  CHECK(doc.diagnostics[0].where.line == 3);
  CHECK(doc.diagnostics[0].where.column == 14);  // at the count
  CHECK(doc.diagnostics[0].level == severity::warning);
  CHECK(doc.diagnostics[1].message ==
        "expected a party in a column before this count: the row is not read");
  // a league table's rank and a box's `Majority` row are not such rows
  CHECK(parse("12\tChorley\tChorley East\n").diagnostics.empty());
  CHECK(test::count_diags(parse("Majority\t7,172\t16.3\tN/A\n"), diag_code::unreadable_token) == 0);  // (a figure with no contest)
  // a count that does not read (a dagger on it, an OCR's `l` for `1`): its row was dropped without a word
  for (const char* votes : {"1,160\xE2\x80\xA0", "1,l60", "1,0120.8%", "1.160", "1 160"}) {
    INFO(votes);
    auto bad = parse(std::string("Fryerns\nSam Huggins\tLabour Party\t") + votes + "\nKim Brown\tConservative Party\t529\n");
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].where.line == 2);
    CHECK(bad.diagnostics[0].where.column == 26);
    CHECK(bad.diagnostics[0].message == std::string("expected a vote count, saw '") + votes + "': the row is not read");
  }
  // a share, or a date or a time in a column, is not such a count
  // (nothing is read from a share alone, and a hint says so)
  auto share = parse("Fryerns\nParty\tShare\nLab\t51.9\n");
  REQUIRE(share.diagnostics.size() == 1);
  CHECK(share.diagnostics[0].level == severity::info);
  CHECK_THAT(share.diagnostics[0].message, Catch::Contains("nothing was read"));
  CHECK(parse("Date of poll\t02/05/2024\nDeclared at\t01:30\n").diagnostics.empty());
}

TEST_CASE("parsing - a council page with a party the registry does not know") {
  // a local residents' party: its row was read as a contest of its own (ward `Kim Brown`), and split the page's
  // table into three contests, each at 100%
  auto doc = parse("Fryerns Ward\nCandidate\tParty\tVotes\t%\tOutcome\n"
                   "Sam Huggins\tLabour Party\t1,160\t57.5%\tElected\n"
                   "Kim Brown\tBasildon Community Residents Party\t529\t26.2%\tNot elected\n"
                   "Pat Lee\tConservative Party\t329\t16.3%\tNot elected\n");
  REQUIRE(doc.contests.size() == 1);
  REQUIRE(doc.contests[0].entries.size() == 3);
  CHECK(doc.contests[0].entries[1].label == "Basildon Community Residents Party");
  CHECK(doc.contests[0].entries[1].name == std::optional<std::string>("Kim Brown"));
  CHECK(doc.contests[0].entries[1].printed_percent == std::optional<double>(26.2));
  auto r = compute(doc);
  CHECK(r.contests[0].checks.empty());  // (the shares are of these three)
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == diag_code::unrecognised_label);

  SECTION("with no share or outcome column, its description written as a party's") {
    // `Party`, `Independent(s)` or `Residents` in the column: before, the row was a contest of its own (ward
    // `Kim Brown`, candidate `Basildon Community Residents Party`) and the page two contests at 100% each
    for (const char* party : {"Basildon Community Residents Party", "Wickford Independents", "Residents for Uttlesford"}) {
      INFO(party);
      auto bare = parse(std::string("Fryerns Ward\nSam Huggins\tLabour Party\t1,160\nKim Brown\t") + party +
                        "\t529\nPat Lee\tConservative Party\t329\n");
      REQUIRE(bare.contests.size() == 1);
      REQUIRE(bare.contests[0].entries.size() == 3);
      CHECK(bare.contests[0].ward == std::optional<std::string>("Fryerns Ward"));
      CHECK(bare.contests[0].entries[1].label == party);
      CHECK(bare.contests[0].entries[1].name == std::optional<std::string>("Kim Brown"));
      CHECK(bare.contests[0].entries[1].votes == 529);
    }
    // the party's column before the name's: each row was a contest of its own, ward `Labour`, at 100%
    for (const char* text : {"Fryerns\nLabour\tSam Huggins\t1,160\nConservative\tKim Brown\t529\n",
                             "Fryerns\nLabour\tSam Huggins\t1,160\t68.7%\nConservative\tKim Brown\t529\t31.3%\n"}) {
      INFO(text);
      auto first = parse(text);
      REQUIRE(first.contests.size() == 1);
      REQUIRE(first.contests[0].entries.size() == 2);
      CHECK(first.contests[0].entries[0].label == "Labour");
      CHECK(first.contests[0].entries[0].name == std::optional<std::string>("Sam Huggins"));
      CHECK(compute(first).contests[0].checks.empty());
    }
    // an `Elected?` column of `Yes` and `No`: each row was not read (said so, at its count)
    auto yes = parse("Fryerns\nSam Huggins\tLabour Party\t1,160\tYes\nKim Brown\tConservative Party\t529\tNo\n");
    CHECK(yes.diagnostics.empty());
    REQUIRE(yes.contests.size() == 1);
    REQUIRE(yes.contests[0].entries.size() == 2);
    CHECK(yes.contests[0].entries[0].elected_marker);
    CHECK(!yes.contests[0].entries[1].elected_marker);
    // a reference mark on the count (`1,160[a]`, as Wikipedia's tables carry them): its row was dropped without a word
    auto mark = parse("Fryerns\nSam Huggins\tLabour Party\t1,160[a]\nKim Brown\tConservative Party\t529\n");
    REQUIRE(mark.contests.size() == 1);
    REQUIRE(mark.contests[0].entries.size() == 2);
    CHECK(mark.contests[0].entries[0].votes == 1160);
    CHECK(mark.contests[0].ward == std::optional<std::string>("Fryerns"));
    // `ELECTED` between the name and the votes: the line was a heading, its count dropped
    auto upper = parse("Fryerns\nSam Huggins (Labour Party) ELECTED 1,160\nKim Brown (Conservative Party) 529\n");
    REQUIRE(upper.contests.size() == 1);
    REQUIRE(upper.contests[0].entries.size() == 2);
    CHECK(upper.contests[0].entries[0].label == "Labour Party");
    CHECK(upper.contests[0].entries[0].elected_marker);
    // a report row's second column is names: it stays a report row
    auto report = parse("Kim Brown\tEleanor Donne\t529\n");
    REQUIRE(report.contests.size() == 1);
    CHECK(report.contests[0].ward == std::optional<std::string>("Kim Brown"));
  }
}

TEST_CASE("parsing - a table of parties and their votes") {
  // `Lab<TAB>1,160`: each row was a contest of its own, ward `Lab`, with one unlabelled candidate at 100%
  for (const char* text : {"Fryerns\nLab\t1,160\nCon\t529\nLD\t329\nTUSC\t218\n",
                           "Fryerns\nParty\tVotes\t%\nLab\t1,160\t51.9%\nCon\t529\t23.7%\nLD\t329\t14.7\nTUSC\t218\t9.7\n"}) {
    INFO(text);
    auto doc = parse(text);
    CHECK(doc.diagnostics.empty());
    REQUIRE(doc.contests.size() == 1);
    const auto& c = doc.contests[0];
    CHECK(c.ward == std::optional<std::string>("Fryerns"));
    REQUIRE(c.entries.size() == 4);
    CHECK(c.entries[0].label == "Lab");
    CHECK(!c.entries[0].name);
    CHECK(c.entries[3].label == "TUSC");
    CHECK(c.entries[3].votes == 218);
    auto r = compute(doc);
    CHECK(test::party(r.contests[0], "TUSC")->share_tenths == 97);
    CHECK(r.contests[0].checks.empty());  // (the printed shares, where given, are right)
  }
}

TEST_CASE("parsing - a council page whose percentage column has no % sign") {
  // the same page with `11.9` for `11.9%`, then with whole percentages (`12`): the votes are still the third
  // column, not lost to the share beside them (which `26` was once read as, with 1,160 dropped)
  auto page = test::read_file("tests/data/council-page.txt");
  auto with_signs = parse(page);
  REQUIRE(with_signs.contests.size() == 1);
  std::string bare, whole;
  for (std::size_t at = 0; at < page.size(); ++at) {
    if (page.compare(at, 2, "%\t") == 0) continue;  // `11.9%<TAB>` -> `11.9<TAB>`
    bare += page[at];
  }
  for (std::size_t at = 0; at < bare.size(); ++at) {
    // `<TAB>11.9<TAB>` -> `<TAB>12<TAB>`: a decimal between tabs rounded to a whole number
    if (bare[at] == '.' && at > 0 && at + 2 < bare.size() && std::isdigit(static_cast<unsigned char>(bare[at - 1])) &&
        std::isdigit(static_cast<unsigned char>(bare[at + 1])) && bare[at + 2] == '\t') {
      if (bare[at + 1] >= '5') {
        std::size_t d = whole.size();
        while (d > 0 && whole[d - 1] == '9') whole[--d] = '0';
        if (d > 0 && std::isdigit(static_cast<unsigned char>(whole[d - 1]))) ++whole[d - 1];
        else whole.insert(d, "1");
      }
      at += 1;
      continue;
    }
    whole += bare[at];
  }
  REQUIRE(bare.find("1,160\t26.2\tElected") != std::string::npos);
  REQUIRE(whole.find("1,160\t26\tElected") != std::string::npos);
  REQUIRE(whole.find("529\t12\t") != std::string::npos);
  for (const auto* text : {&bare, &whole}) {
    auto doc = parse(*text);
    INFO(*text);
    REQUIRE(doc.contests.size() == 1);
    const auto& c = doc.contests[0];
    const auto& want = with_signs.contests[0];
    REQUIRE(c.entries.size() == want.entries.size());
    for (std::size_t k = 0; k < c.entries.size(); ++k) {
      CHECK(c.entries[k].votes == want.entries[k].votes);
      CHECK(c.entries[k].label == want.entries[k].label);
      CHECK(c.entries[k].name == want.entries[k].name);
      CHECK(c.entries[k].elected_marker == want.entries[k].elected_marker);
      REQUIRE(c.entries[k].printed_percent);
      CHECK(*c.entries[k].printed_percent == Approx(*want.entries[k].printed_percent).margin(0.5));
      CHECK(c.entries[k].percent_decimals == (text == &bare ? 1 : 0));  // the precision printed
    }
    CHECK(c.stated.electorate == want.stated.electorate);
    CHECK(doc.diagnostics.empty());
    // `11.9` is still a share of all votes, as the page prints it, and `12` too, checked at whole percents (it
    // was checked as 12.0% when the reader kept no printed precision, and 11.9% reported as a mismatch)
    CHECK(compute(doc).contests[0].checks.empty());
  }
  // a Wikipedia box's row, whose cut-off share column this resembles, is still read as one
  auto box = parse("\tLabour\tPriya Sandhu\t15,505\t32.2\n\tConservative\tAl Jones\t9,120\t18.9\n");
  REQUIRE(box.contests.size() == 1);
  CHECK(box.contests[0].entries[0].name == std::optional<std::string>("Priya Sandhu"));
  CHECK(box.contests[0].entries[0].votes == 15505);
}

TEST_CASE("parsing - in pieces, as the CLI streams a large file, reads as the whole does") {
  auto text = test::read_file("tests/corpus/tusc-local-elections-2024.txt");
  text = text + "\n" + text + "\n" + text;  // three copies: 831 contests, some pieces ending mid-line
  auto whole = parse(text);
  for (std::size_t piece : {std::size_t{1}, std::size_t{97}, std::size_t{4096}, text.size()}) {
    INFO("pieces of " << piece << " bytes");
    stream_reader r;
    document got;
    auto add = [&](document d) {
      for (auto& c : d.contests) got.contests.push_back(std::move(c));
      for (auto& q : d.quotes) got.quotes.push_back(std::move(q));
      for (auto& x : d.diagnostics) got.diagnostics.push_back(std::move(x));
      got.shape = d.shape;
    };
    for (std::size_t at = 0; at < text.size(); at += piece) {
      r.feed(std::string_view(text).substr(at, piece));
      add(r.take());
    }
    // handed over as it went (so memory is bounded), not all at the end
    if (piece < text.size()) CHECK(got.contests.size() + 1 >= whole.contests.size());
    add(r.take(true));
    REQUIRE(got.contests.size() == whole.contests.size());
    CHECK(got.shape == whole.shape);
    CHECK(got.quotes.size() == whole.quotes.size());
    CHECK(got.diagnostics.size() == whole.diagnostics.size());
    for (std::size_t i = 0; i < whole.contests.size(); ++i) {
      const auto& a = got.contests[i];
      const auto& b = whole.contests[i];
      REQUIRE(a.line == b.line);
      CHECK(a.end_line == b.end_line);
      CHECK(a.ward == b.ward);
      CHECK(a.area == b.area);
      CHECK(a.stated.total == b.stated.total);
      REQUIRE(a.entries.size() == b.entries.size());
      for (std::size_t k = 0; k < a.entries.size(); ++k) {
        CHECK(a.entries[k].votes == b.entries[k].votes);
        CHECK(a.entries[k].label == b.entries[k].label);
        CHECK(a.entries[k].name == b.entries[k].name);
        CHECK(a.entries[k].where.column == b.entries[k].where.column);
      }
    }
    for (std::size_t i = 0; i < whole.diagnostics.size() && i < got.diagnostics.size(); ++i) {
      CHECK(got.diagnostics[i].where.line == whole.diagnostics[i].where.line);
      CHECK(got.diagnostics[i].message == whole.diagnostics[i].message);
    }
  }
}

TEST_CASE("parsing - a large input: room for its contests made from the first part's density, the reading the same") {
  // parse() reads the first sixteenth (at least 64 KB) of an input of 256 KB or more, then makes room for the
  // contests the rest holds at that density; a stream_reader fed the whole at once grows as it finds them
  auto report = test::read_file("tests/corpus/tusc-local-elections-2024.txt");
  std::string text;
  for (int i = 0; i < 5; ++i) text += report + "\n";  // 325 KB, 1,381 contests
  REQUIRE(text.size() >= 256 * 1024);
  auto doc = parse(text);
  stream_reader r;
  r.feed(text);
  auto grown = r.take(true);
  REQUIRE(doc.contests.size() == grown.contests.size());
  REQUIRE(doc.contests.size() > 1300);  // (where copies meet, a report's last lines and the next's first read as one)
  CHECK(to_json(compute(doc)) == to_json(compute(grown)));
  // doubling leaves room for 2,048; the estimate is an eighth over the 1,381 (and what the first part held)
  CHECK(grown.contests.capacity() >= 2048);
  CHECK(doc.contests.capacity() >= doc.contests.size());
  CHECK(doc.contests.capacity() <= doc.contests.size() * 5 / 4);
}

TEST_CASE("parsing - in pieces, two Wikipedia boxes still pair across a piece boundary") {
  auto text = test::read_file("tests/data/wikipedia-general.txt");
  auto cut = text.find("Elections in the 2010s");
  stream_reader r;
  r.feed(std::string_view(text).substr(0, cut));
  auto first = r.take();
  CHECK(first.contests.empty());  // the 2024 box names an election: held back for its previous result
  r.feed(std::string_view(text).substr(cut));
  auto rest = r.take(true);
  REQUIRE(rest.contests.size() == 1);
  REQUIRE(rest.contests[0].previous);
  CHECK(rest.contests[0].previous->heading == "General election 2019");
}

TEST_CASE("parsing - in pieces, a box still arriving is not paired before it ends") {
  auto text = test::read_file("tests/data/wikipedia-general.txt");
  auto cut = text.find("\tLabour\tPriya Sandhu\t15,505");  // inside the 2019 box
  stream_reader r;
  r.feed(std::string_view(text).substr(0, cut));
  auto first = r.take();
  r.feed(std::string_view(text).substr(cut));
  auto rest = r.take(true);
  REQUIRE(first.contests.size() + rest.contests.size() == 1);
  const auto& c = rest.contests.at(0);
  CHECK(c.entries.size() == 6);
  REQUIRE(c.previous);
  CHECK(c.previous->entries.size() == 5);
}

TEST_CASE("parsing - in pieces, a byte-order mark split over pieces is still dropped") {
  std::string text = "\xEF\xBB\xBF" "Fryerns\tEleanor Donne\tLab 1,160; TUSC 218 (9.7%) Votes cast 1,378\n";
  auto whole = parse(text);
  REQUIRE(whole.contests.size() == 1);
  stream_reader r;
  for (char c : text) r.feed(std::string_view(&c, 1));
  auto got = r.take(true);
  REQUIRE(got.contests.size() == 1);
  CHECK(got.contests[0].ward == whole.contests[0].ward);
  CHECK(got.contests[0].ward == std::optional<std::string>("Fryerns"));
  CHECK(got.contests[0].entries[1].where.column == whole.contests[0].entries[1].where.column);
}

namespace {

/// Everything a reading gives, as the CLI's JSON with the summary (positions of candidates, checks and
/// diagnostics included).
std::string everything(const document& doc) {
  auto r = compute(doc);
  auto s = summarise(doc, r);
  return to_json(r, &s);
}

}  // namespace

TEST_CASE("parsing - with a line cache, every edit reads as it reads without") {
  auto texts = test::edits();

  line_cache cache;
  parse_options cached;
  cached.cache = &cache;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO("text " << i << " (" << texts[i].size() << " bytes)");
    auto without = parse(texts[i]);
    auto with = parse(texts[i], cached);
    REQUIRE(with.contests.size() == without.contests.size());
    CHECK(everything(with) == everything(without));
    for (std::size_t k = 0; k < with.contests.size(); ++k)
      for (std::size_t e = 0; e < with.contests[k].entries.size() && e < without.contests[k].entries.size(); ++e) {
        CHECK(with.contests[k].entries[e].where.line == without.contests[k].entries[e].where.line);
        CHECK(with.contests[k].entries[e].where.column == without.contests[k].entries[e].where.column);
      }
    // the cache is used: a reading after the first meets the report's lines again, and keeps only its own
    if (i == 1) CHECK(cache.reused() == cache.size());
    if (i >= 2 && i < 2 + 31) CHECK(cache.reused() + 1 >= cache.size());
  }
  // the Wikipedia reader chosen, with the same cache: as without
  parse_options wiki = cached;
  wiki.format = input_format::wikipedia;
  parse_options wiki_plain;
  wiki_plain.format = input_format::wikipedia;
  for (const char* f : {"tests/data/wikipedia-general.txt", "tests/data/wikipedia-local.txt"}) {
    auto text = test::read_file(f);
    CHECK(everything(parse(text, wiki)) == everything(parse(text, wiki_plain)));
  }
}

TEST_CASE("parsing - a line cache keeps no more than 2 MB of lines, and reads the rest as before") {
  std::string text;
  for (int i = 0; i < 600; ++i)  // 600 lines of ~4,000 bytes: 2.4 MB
    text += "Ward " + std::to_string(i) + "\tA Name\tLab " + std::to_string(1000 + i) + "; Con 529" + std::string(3950, ' ') + "; TUSC 218\n";
  line_cache cache;
  parse_options o;
  o.cache = &cache;
  o.max_bytes = 4u << 20;
  parse_options plain;
  plain.max_bytes = o.max_bytes;
  auto with = parse(text, o);
  CHECK(cache.size() > 400);
  CHECK(cache.size() < 600);  // about 2 MB of them
  CHECK(everything(with) == everything(parse(text, plain)));
  auto again = parse(text, o);
  CHECK(cache.reused() == cache.size());
  CHECK(everything(again) == everything(with));
}

TEST_CASE("parsing - a line cache keeps no line longer than 4 KB, and is dropped for another registry") {
  line_cache cache;
  parse_options o;
  o.cache = &cache;
  std::string long_line = "Lab 1,160; Con 529" + std::string(5000, ' ') + "; TUSC 218\n";
  auto doc = parse("Fryerns\tEleanor Donne\tLab 1,160; TUSC 218 (9.7%) Votes cast 1,378\n" + long_line, o);
  CHECK(doc.contests.size() == 2);
  CHECK(cache.size() == 2);  // the row and the empty last line, not the long one
  auto again = parse("Fryerns\tEleanor Donne\tLab 1,160; TUSC 218 (9.7%) Votes cast 1,378\n", o);
  CHECK(cache.reused() == 2);
  party_registry other = party_registry::builtin();
  o.registry = &other;
  auto third = parse("Fryerns\tEleanor Donne\tLab 1,160; TUSC 218 (9.7%) Votes cast 1,378\n", o);
  CHECK(cache.reused() == 0);
  CHECK(everything(third) == everything(again));
}

TEST_CASE("parsing - a limit on contests: the first kept, an error where the rest start, in every reader") {
  parse_options o;
  o.max_contests = 2;
  auto limited = [](const document& d, std::uint32_t line) {
    int n = 0;
    for (const auto& x : d.diagnostics)
      if (x.code == diag_code::input_too_large) {
        ++n;
        CHECK(x.level == severity::error);
        CHECK(x.where.line == line);
        CHECK(x.message == "more than 2 contests: the rest, from line " + std::to_string(line) +
                               " on, are not read (the command line reads any number)");
      }
    return n;
  };
  SECTION("text: reading stops past the limit") {
    const std::string text = "Basildon\nFryerns\tX\tLab 1; Con 2\nPitsea\tY\tLab 3; Con 4\nVange\tZ\tLab 5; Con 6\n1\tBasildon\tFryerns\t9 (1.0%)\n";
    auto d = parse(text, o);
    REQUIRE(d.contests.size() == 2);
    CHECK(d.contests[1].ward == std::optional<std::string>("Pitsea"));
    CHECK(limited(d, 4) == 1);
    CHECK(d.quotes.empty());  // (nothing after the limit is read)
    // without a limit (the default, and the command line) every contest is read
    CHECK(parse(text).contests.size() == 3);
    // the same read in pieces, the contests handed over as they finish
    stream_reader r(o);
    std::size_t got = 0;
    int errors = 0;
    for (char c : text) {
      r.feed(std::string_view(&c, 1));
      auto part = r.take();
      got += part.contests.size();
      errors += limited(part, 4);
    }
    auto last = r.take(true);
    got += last.contests.size();
    errors += limited(last, 4);
    CHECK(got == 2);
    CHECK(errors == 1);
  }
  SECTION("CSV and JSON: the contests past the limit dropped") {
    auto csv = parse("ward,party,votes\nA,Lab,1\nB,Lab,2\nC,Lab,3\nA,Con,4\n", o);
    REQUIRE(csv.contests.size() == 2);
    CHECK(csv.contests[0].entries.size() == 2);  // A's second row, after C's, is still A's
    CHECK(limited(csv, 4) == 1);
    auto json = parse(R"({"contests": [{"ward": "A", "candidates": [{"party": "Lab", "votes": 1}]},
                                       {"ward": "B", "candidates": [{"party": "Lab", "votes": 2}]},
                                       {"ward": "C", "candidates": [{"party": "Lab", "votes": 3}]}]})", o);
    CHECK(json.contests.size() == 2);
    CHECK(limited(json, 3) == 1);
  }
}
