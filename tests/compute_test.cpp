// tests/compute_test.cpp - shares by each method, Independents, seats and ties, and the audit checks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

#include "helpers.hpp"

using namespace wardshare;

namespace {

// The seed report's worked example (A note on statistical methods): Leicester's Rushey Mead, 2011, three
// seats. Highest Lab 2,789, Ind 1,039, Con 861, LD 556, TUSC 272; 5,524 voters; 13,917 votes in all. The
// other candidates' figures are not in the report: these make the stated sums (Labour's three 7,990, TUSC
// ahead of one Liberal Democrat and behind the other two).
constexpr const char* rushey_mead =
    "Rushey Mead (three seats)\tX\tLab 2,789; Lab 2,641; Lab 2,560; Ind 1,039; Ind 954; Con 861; Con 790; Con 745; "
    "LD 556; LD 480; TUSC 272; LD 230 Ballots 5,524";

result run(const char* text, share_method m = share_method::top, independents_mode ind = independents_mode::automatic) {
  compute_options o;
  o.method = m;
  o.independents = ind;
  static document doc;  // results point into their document
  doc = parse(text);
  return compute(doc, o);
}

}  // namespace

TEST_CASE("shares - rounding is exact and half-up") {
  CHECK(round_tenths(218, 2236) == 97);
  CHECK(round_tenths(1, 8) == 125);       // 12.5% exactly
  CHECK(round_tenths(1, 2000) == 1);      // 0.05% rounds up to 0.1%
  CHECK(round_tenths(1, 2001) == 0);
  CHECK(round_tenths(272, 13917) == 20);  // 1.954%: the report prints 1.9 (see docs/methods.md)
  CHECK(round_tenths(5, 0) == 0);
}

TEST_CASE("shares - the seed report's Rushey Mead example") {
  SECTION("top: highest candidate over the sum of every party's highest") {
    auto r = run(rushey_mead);
    REQUIRE(r.contests.size() == 1);
    const auto& c = r.contests[0];
    CHECK(c.method == share_method::top);
    CHECK(c.seats == 3);
    CHECK(c.all_votes == 13917);
    CHECK(c.denominator == 5517);
    const auto* tusc = test::party(c, "TUSC");
    REQUIRE(tusc);
    CHECK(tusc->share == Approx(100.0 * 272 / 5517));
    CHECK(tusc->share_tenths == 49);
    CHECK(test::party(c, "Lab")->value == 2789);
    CHECK(test::party(c, "Ind")->candidates == 2);  // grouped in a multi-seat contest
  }
  SECTION("total: votes over all votes cast") {
    auto r = run(rushey_mead, share_method::total);
    const auto& c = r.contests[0];
    CHECK(c.denominator == 13917);
    CHECK(test::party(c, "TUSC")->share == Approx(100.0 * 272 / 13917));
    CHECK(test::party(c, "TUSC")->share_tenths == 20);
    CHECK(test::party(c, "Lab")->value == 7990);
  }
  SECTION("ballots: highest candidate over the voters") {
    auto r = run(rushey_mead, share_method::ballots);
    const auto& c = r.contests[0];
    CHECK(c.method == share_method::ballots);
    CHECK(c.denominator == 5524);
    CHECK(test::party(c, "TUSC")->share_tenths == 49);
    CHECK(test::party(c, "Lab")->share == Approx(100.0 * 2789 / 5524));
  }
  SECTION("average: mean candidate over the sum of the means") {
    auto r = run(rushey_mead, share_method::average);
    const auto& c = r.contests[0];
    double means = 7990.0 / 3 + 1993.0 / 2 + 2396.0 / 3 + 1266.0 / 3 + 272;
    CHECK(c.denominator == Approx(means));
    CHECK(test::party(c, "TUSC")->share == Approx(100.0 * 272 / means));
    CHECK(test::party(c, "TUSC")->share_tenths == 53);
    CHECK(test::party(c, "Lab")->value == Approx(7990.0 / 3));
  }
}

TEST_CASE("shares - ballots without a voters figure falls back to top, and says so") {
  auto r = run("Lab 10; Con 5", share_method::ballots);
  CHECK(r.contests[0].requested == share_method::ballots);
  CHECK(r.contests[0].method == share_method::top);
  CHECK(test::count_checks(r.contests[0], "method_fallback") == 1);
}

TEST_CASE("shares - Independents are people, not a party") {
  SECTION("separate in a single-seat contest") {
    auto r = run("Lab 920; Con 416; TUSC 119 (6.6%) ; Ind 50; Ind 38 Votes cast 1,543");
    const auto& c = r.contests[0];
    CHECK(c.parties.size() == 5);
    CHECK(test::party(c, "Ind")->value == 50);
    CHECK(test::party(c, "Ind 2")->value == 38);
    CHECK(c.denominator == 1543);
  }
  SECTION("one group (the highest) in a multi-seat contest") {
    auto r = run("Ward (two seats)\tX\tLab 423; Lab 411; Ind 369; Ind 340; Con 72");
    const auto& c = r.contests[0];
    CHECK(c.parties.size() == 3);
    CHECK(test::party(c, "Ind")->value == 369);
    CHECK(test::party(c, "Ind")->candidates == 2);
  }
  SECTION("an option says otherwise") {
    auto grouped = run("Lab 920; Ind 50; Ind 38", share_method::top, independents_mode::grouped);
    CHECK(grouped.contests[0].parties.size() == 2);
    auto separate = run("Ward (two seats)\tX\tLab 423; Ind 369; Ind 340", share_method::top, independents_mode::separate);
    CHECK(separate.contests[0].parties.size() == 3);
  }
}

TEST_CASE("seats - the top candidates are elected") {
  SECTION("seats from the text") {
    auto r = run("Fryerns (three seats)\tX\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218");
    const auto& c = r.contests[0];
    CHECK(c.seats_from == "text");
    CHECK(test::party(c, "Lab")->seats_won == 3);
    CHECK(test::party(c, "Con")->seats_won == 0);
  }
  SECTION("seats from an option override the text") {
    compute_options o;
    o.seats = 4;
    auto doc = parse("Fryerns (three seats)\tX\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329");
    auto r = compute(doc, o);
    CHECK(r.contests[0].seats == 4);
    CHECK(r.contests[0].seats_from == "option");
    CHECK(test::party(r.contests[0], "Con")->seats_won == 1);
  }
  SECTION("default one") {
    auto r = run("Lab 10; Con 5");
    CHECK(r.contests[0].seats == 1);
    CHECK(r.contests[0].seats_from == "default");
    CHECK(r.contests[0].candidates[0].elected);
    CHECK_FALSE(r.contests[0].candidates[1].elected);
  }
  SECTION("a tie at the boundary is reported, not decided") {
    auto r = run("Ward (two seats)\tX\tLab 500; Con 341; LD 341; Green 12");
    const auto& c = r.contests[0];
    REQUIRE(test::count_checks(c, "tie_at_boundary") == 1);
    CHECK(c.checks[0].message == "Con and LD are tied on 341 votes for the last seat: the votes cannot say who is elected");
    CHECK(c.candidates[0].elected);
    CHECK_FALSE(c.candidates[1].elected);
    CHECK_FALSE(c.candidates[2].elected);
  }
  SECTION("a tie below the boundary is nothing") {
    auto r = run("Lab 500; Con 341; LD 341");
    CHECK(r.contests[0].checks.empty());
  }
}

TEST_CASE("audit - stated totals") {
  auto r = run("Hotwells & Harbourside\tDan Evans\tGreen 974; Lab 336; LD 109; Con 88; TUSC 26 (1.7%) Votes cast 1,531");
  const auto& c = r.contests[0];
  REQUIRE(test::count_checks(c, "total_mismatch") == 1);
  CHECK(c.checks[0].message == "stated total 1,531 is 2 less than the sum of each party's highest vote (1,533)");
  CHECK(c.checks[0].where.column == 85);  // at `Votes cast`

  SECTION("a total of all votes in a multi-seat contest is not a mismatch") {
    auto all = run("W (two seats)\tX\tLab 10; Lab 9; Con 5 Votes cast 24");
    CHECK(all.contests[0].checks.empty());
  }
}

TEST_CASE("audit - printed shares") {
  SECTION("reproduced") {
    auto r = run("Lab 1,160; Con 529; LD 329; TUSC 218 (9.7%)");
    CHECK(r.contests[0].checks.empty());
  }
  SECTION("a typo with no denominator to explain it") {
    auto r = run("Holywell\tMark O'Connor\tLab 1,159; LD 352; Con 328; TUSC 91 (3.0%) <i>Votes cast 1,930</i>");
    const auto& c = r.contests[0];
    REQUIRE(test::count_checks(c, "share_mismatch") == 1);
    CHECK(c.checks[0].label == std::optional<std::string>("TUSC"));
    CHECK(c.checks[0].message ==
          "printed 3.0% for TUSC 91, computed 4.7% (91 / 1,930, method top); off by 1.7 points; no stated figure "
          "reproduces it (a denominator from 2,984 to 3,084 would)");
  }
  SECTION("the stated total reproduces the printed figure") {
    auto r = run("Richmond\tSusan Statter\tLab 1,728; Reform 502; Con 401; LD 124; TUSC 124 (3.9%) Votes cast 3,218");
    const auto& c = r.contests[0];
    CHECK(test::count_checks(c, "total_mismatch") == 1);
    REQUIRE(test::count_checks(c, "share_mismatch") == 1);
    CHECK(c.checks[1].message.find("the stated total (3,218) reproduces 3.9%") != std::string::npos);
  }
  SECTION("printed with two decimals: checked at hundredths") {
    // 26,246 of 100,000 is 26.246%: `26.25%` is right, though 26.25 rounds to 26.3 at tenths and the share to
    // 26.2 (it was reported as a mismatch, "printed 26.3%", when every share was checked at tenths)
    CHECK(run("Lab 26,246 (26.25%); Con 73,754 (73.75%)").contests[0].checks.empty());
    auto typo = run("Lab 26,246 (26.27%); Con 73,754");
    REQUIRE(test::count_checks(typo.contests[0], "share_mismatch") == 1);
    CHECK(typo.contests[0].checks[0].message ==
          "printed 26.27% for Lab 26,246, computed 26.25% (26,246 / 100,000, method top); off by 0.02 points; no "
          "stated figure reproduces it (a denominator from 99,890 to 99,927 would)");
    // three decimals, and a turnout printed with two
    CHECK(run("Lab 26,246 (26.246%); Con 73,754").contests[0].checks.empty());
    CHECK(test::count_checks(run("Lab 26,246 (26.247%); Con 73,754").contests[0], "share_mismatch") == 1);
    auto turnout = run("Lab 500; Con 300\nElectorate 100,000\nTurnout 26,246 (26.25%)");
    CHECK(turnout.contests[0].checks.empty());
    auto wrong = run("Lab 500; Con 300\nElectorate 100,000\nTurnout 26,246 (26.26%)");
    REQUIRE(test::count_checks(wrong.contests[0], "turnout_mismatch") == 1);
    CHECK(wrong.contests[0].checks[0].message == "printed turnout 26.26% but 26,246 / 100,000 is 26.25%");
  }
  SECTION("printed as a whole percentage: checked at whole percents") {
    // 1,150 of 2,220 is 51.8%: a post's `52%` is right (it was reported as "printed 52.0%, computed 51.8%"),
    // and so is a turnout of `25%` for 24.6%
    auto whole = run("Fryerns\tA Person\tLab 1,150 (52%); Con 1,070 (48%) Turnout 2,220 Electorate 9,012 Turnout 25%");
    REQUIRE(whole.contests.size() == 1);
    CHECK(whole.contests[0].checks.empty());
    // a wrong one is still found, and the share quoted beside it at tenths
    auto typo = run("Lab 1,150 (50%); Con 1,070 (48%)\nTurnout 2,220\nElectorate 9,012\nTurnout 27%");
    const auto& c = typo.contests[0];
    REQUIRE(test::count_checks(c, "share_mismatch") == 1);
    REQUIRE(test::count_checks(c, "turnout_mismatch") == 1);
    for (const auto& k : c.checks) {
      if (k.code == "turnout_mismatch") CHECK(k.message == "printed turnout 27% but 2,220 / 9,012 is 24.6%");
      if (k.code == "share_mismatch")
        CHECK(k.message ==
              "printed 50% for Lab 1,150, computed 51.8% (1,150 / 2,220, method top); off by 1.8 points; no stated "
              "figure reproduces it (a denominator from 2,278 to 2,323 would)");
    }
    // `52.0%` says a tenth: checked at tenths, as before
    CHECK(test::count_checks(run("Lab 1,150 (52.0%); Con 1,070 (48.0%)").contests[0], "share_mismatch") == 2);
    // `51.80%` says hundredths: right for 51.80 (1,150 / 2,220 is 51.8018%), wrong for 51.81
    CHECK(run("Lab 1,150 (51.80%); Con 1,070").contests[0].checks.empty());
    CHECK(test::count_checks(run("Lab 1,150 (51.81%); Con 1,070").contests[0], "share_mismatch") == 1);
  }
  SECTION("a truncated figure is named as such") {
    auto r = run("Peverell\tDuncan Moore\tLab 2,196; Con 1,295; Green 365; Reform 218; LD 158; TUSC 45 (1.0%) Votes cast 4,277");
    REQUIRE(test::count_checks(r.contests[0], "share_mismatch") == 1);
    CHECK(r.contests[0].checks[0].message.find("truncated, not rounded") != std::string::npos);
  }
}

TEST_CASE("audit - elected markers and turnout") {
  auto r = run("Lab 10 Elected; Con 50; LD 3");
  CHECK(test::count_checks(r.contests[0], "elected_mismatch") == 2);
  auto t = run("Lab 500; Con 300\nBallots 800\nElectorate 2,000\nTurnout 800 (41.0%)");
  REQUIRE(t.contests[0].turnout_percent);
  CHECK(*t.contests[0].turnout_percent == Approx(40.0));
  CHECK(test::count_checks(t.contests[0], "turnout_mismatch") == 1);
}

TEST_CASE("audit - the stated majority") {
  // a majority that the votes do not give was passed over without a word
  auto wrong = run("Fryerns\nLabour 1,160\nConservative 529\nMajority 700\n");
  REQUIRE(test::count_checks(wrong.contests[0], "majority_mismatch") == 1);
  CHECK(wrong.contests[0].checks[0].message == "stated majority 700 but Labour 1,160 less Conservative 529 is 631");
  CHECK(run("Fryerns\nLabour 1,160\nConservative 529\nMajority 631\n").contests[0].checks.empty());
  // three seats: the last elected's lead over the first not elected (1,053 - 529), or the first's over the second
  // (1,160 - 1,142), as sources count it
  for (const char* majority : {"524", "18"}) {
    INFO(majority);
    auto three = run((std::string("Fryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; "
                                  "TUSC 218 (9.7%) Votes cast 2,236 Majority ") + majority).c_str());
    CHECK(three.contests[0].checks.empty());
  }
  auto three = run("Fryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Lab 1,053; Con 529; LD 329; TUSC 218 Majority 631");
  REQUIRE(test::count_checks(three.contests[0], "majority_mismatch") == 1);
  CHECK(three.contests[0].checks[0].message ==
        "stated majority 631 but Lab 1,053 (the last elected) less Con 529 is 524");
}

TEST_CASE("focus - chosen, or the party whose share is printed") {
  auto r = run("Lab 1,160; Con 529; LD 329; TUSC 218 (9.7%)");
  CHECK(r.contests[0].focus == std::optional<std::string>("TUSC"));
  CHECK(r.document_focus == std::optional<std::string>("TUSC"));
  compute_options o;
  o.focus = "lib dem";
  auto doc = parse("Lab 1,160; Con 529; LD 329; TUSC 218 (9.7%)");
  CHECK(compute(doc, o).contests[0].focus == std::optional<std::string>("LD"));
  // the document's focus: the label printed in most contests; of as many, the first in byte order
  CHECK(run("Lab 5; TUSC 2 (28.6%)\nLab 5; Green 2 (28.6%)\nLab 5; Green 3 (37.5%)\n").document_focus ==
        std::optional<std::string>("Green"));
  CHECK(run("Lab 5; TUSC 2 (28.6%)\nLab 5; Green 2 (28.6%)\n").document_focus == std::optional<std::string>("Green"));
  CHECK(run("Lab 5; TUSC 2 (28.6%)\nLab 5; Green 2 (28.6%)\nCon 5; TUSC 1 (16.7%)\n").document_focus ==
        std::optional<std::string>("TUSC"));
  CHECK_FALSE(run("Lab 5; Con 2\n").document_focus);
}

TEST_CASE("labels - an unknown label is its own group and reported") {
  auto doc = parse("Lab 10; Lan 5; lan 2");
  auto r = compute(doc);
  CHECK(r.contests[0].parties.size() == 2);
  int n = 0;
  for (const auto& d : r.diagnostics)
    if (d.code == diag_code::unrecognised_label) {
      ++n;
      CHECK(d.message == "unrecognised label 'Lan': counted as a party of its own");
    }
  CHECK(n == 1);
}

TEST_CASE("robustness - extreme figures saturate instead of overflowing (found by the fuzzer)") {
  SECTION("the average method's means in the text table") {
    auto doc = parse("Lab 12,345,123,456; Con 3");
    compute_options o;
    o.method = share_method::average;
    auto r = compute(doc, o);
    CHECK(to_text(r).find("12,345,123,456.0") != std::string::npos);
  }
  SECTION("ballots far below the votes") {
    auto doc = parse("Lab 999,999,999,999,999; Con 3\nBallots 1");
    compute_options o;
    o.method = share_method::ballots;
    auto r = compute(doc, o);
    CHECK(r.contests[0].parties[0].share_tenths == std::numeric_limits<int>::max());
    CHECK_FALSE(to_json(r).empty());
  }
  SECTION("a threshold out of range") {
    auto doc = parse("Lab 5; TUSC 3 (37.5%)\nLab 5; TUSC 1 (16.7%)");
    auto r = compute(doc);
    CHECK(summarise(doc, r, std::nullopt, 1e300).threshold == 1000);
    CHECK(summarise(doc, r, std::nullopt, -std::numeric_limits<double>::quiet_NaN()).at_or_above == 2);
  }
  SECTION("the average method over parties of many different sizes") {
    // parties of 1, 2, ... n candidates, each candidate of the k-th party on 100 + k votes: the candidate counts'
    // least common multiple passes 2^63 from n = 43 (every share read 0 there), 2^64 beyond
    for (int n : {42, 43, 44, 60}) {
      std::string row;
      double means = 0;
      for (int k = 1; k <= n; ++k) {
        const std::string label = {'Q', static_cast<char>('a' + k / 26), static_cast<char>('a' + k % 26)};
        for (int j = 0; j < k; ++j) row += label + " " + std::to_string(100 + k) + "; ";
        means += 100 + k;
      }
      compute_options o;
      o.method = share_method::average;
      auto r = compute(parse(row), o);
      REQUIRE(r.contests.size() == 1);
      const auto& c = r.contests[0];
      REQUIRE(static_cast<int>(c.parties.size()) == n);
      double sum = 0;
      for (const auto& p : c.parties) {
        INFO(n << " parties, " << p.label);
        double mean = 100.0 + p.candidates;
        CHECK(p.share == Approx(100.0 * mean / means).epsilon(1e-9));
        CHECK(p.share_tenths == round_tenths(mean, means));
        sum += p.share;
      }
      CHECK(sum == Approx(100.0));
    }
  }
  SECTION("votes adding up beyond int64: held at 10^18 and said, not overflowing") {
    // each count is read up to 10^15; ten thousand of them add up to 10^19, past int64 (9.2 x 10^18)
    auto many = [](const std::string& label, int n) {
      std::string row;
      for (int i = 0; i < n; ++i) row += label + " 999,999,999,999,999; ";
      return row;
    };
    auto doc = parse(many("Lab", 10000) + "Con 5\n2021 result: " + many("Lab", 10000) + "Con 7");
    REQUIRE(doc.contests.size() == 1);
    REQUIRE(doc.contests[0].previous);
    for (auto m : {share_method::top, share_method::total, share_method::ballots, share_method::average}) {
      compute_options o;
      o.method = m;
      auto r = compute(doc, o);
      const auto& c = r.contests[0];
      CHECK(c.all_votes == 1'000'000'000'000'000'000);
      CHECK(test::party(c, "Lab")->total == 1'000'000'000'000'000'000);
      CHECK(test::count_checks(c, "votes_overflow") == 1);
      CHECK(test::count_checks(c, "previous_votes_overflow") == 1);
      CHECK(c.denominator <= 1e18);
      for (const auto& p : c.parties) CHECK(p.share >= 0);
      CHECK_FALSE(to_json(r).empty());
      CHECK_FALSE(to_text(r).empty());
      CHECK_FALSE(to_csv(r).empty());
    }
    // report mode: two contests each under 10^18, their focus votes together over it
    auto two = parse(many("TUSC", 1000) + "Lab 5\n" + many("TUSC", 1000) + "Lab 6\n");
    REQUIRE(two.contests.size() == 2);
    auto r = compute(two);
    CHECK(test::count_checks(r.contests[0], "votes_overflow") == 0);
    auto sum = summarise(two, r, std::string("TUSC"));
    CHECK(sum.votes == 1'000'000'000'000'000'000);
    int said = 0;
    for (const auto& a : sum.audit) said += a.code == "votes_overflow";
    CHECK(said == 1);
  }
  SECTION("a list of twenty thousand labels: every one its own group, reported once, in every output") {
    // (groups are found by hash past 16, and the outputs count checks by label: a scan per label took 32 s for
    // 80,000 labels)
    std::string row = "Ward\tX\t";
    for (int i = 0; i < 20000; ++i) {
      const std::string label = {'Q', static_cast<char>('a' + i / 17576), static_cast<char>('a' + i / 676 % 26),
                                 static_cast<char>('a' + i / 26 % 26), static_cast<char>('a' + i % 26)};
      row += label + " " + std::to_string(i + 1) + " (0.1%); " + label + " 1; ";  // a printed share: a check each
    }
    auto doc = parse(row + "Ind 5; Ind 6");
    REQUIRE(doc.contests.size() == 1);
    compute_options o;
    o.independents = independents_mode::separate;
    auto r = compute(doc, o);
    const auto& c = r.contests[0];
    CHECK(c.parties.size() == 20002);
    CHECK(c.parties[0].label == "Qbdpf");  // 19,999 + 1 votes: the highest
    CHECK(c.parties[0].candidates == 2);
    CHECK(test::party(c, "Ind 2") != nullptr);
    int unrecognised = 0;
    for (const auto& d : r.diagnostics) unrecognised += d.code == diag_code::unrecognised_label;
    CHECK(unrecognised == 20000);
    CHECK(test::count_checks(c, "share_mismatch") == 20000);
    auto csv = to_csv(r);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 20003);
    CHECK(csv.find("\n1,,Ward,1,top,Qaaaa,,2,1,") != std::string::npos);
    CHECK(csv.find(",0,no,1,\n1,,Ward,1,top,Qaaaa,") != std::string::npos);  // Qaaab's row, one check
    CHECK(report_line(c).find("Qbdpf 20,000; Qbdpf 1") != std::string::npos);
  }
  SECTION("the average method on a contest with no candidates (found by the fuzzer: a division by zero)") {
    compute_options o;
    o.method = share_method::average;
    auto c = compute(contest{}, o);
    CHECK(c.parties.empty());
    CHECK(c.denominator == 0);
    auto text = test::read_file("tests/fuzz/regressions/crash-cdbfd3caeaacff5b123c862999cdf0c0b295c571");
    REQUIRE_FALSE(text.empty());
    CHECK_FALSE(to_text(compute(parse(text), o)).empty());
  }
  SECTION("the fuzzer's input") {
    auto text = test::read_file("tests/fuzz/regressions/crash-f337617b4e8813391f4c8041bed1061a1a6797e9");
    REQUIRE_FALSE(text.empty());
    auto doc = parse(text);
    compute_options o;
    o.method = share_method::average;
    CHECK_FALSE(to_text(compute(doc, o)).empty());
  }
}

TEST_CASE("computing - an earlier result reused gives what computing afresh gives") {
  auto texts = test::edits();
  line_cache lines;
  parse_options cached;
  cached.cache = &lines;
  document last_doc;
  result last;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO("text " << i << " (" << texts[i].size() << " bytes)");
    compute_options o;
    if (i % 9 == 4) o.method = share_method::total;  // other options now and then: nothing reused
    if (i % 11 == 6) o.focus = "Con";
    auto doc = parse(texts[i], cached);
    auto fresh = compute(doc, o);
    std::size_t before = last.contests.size();
    auto again = compute(doc, o, std::move(last));
    std::size_t taken = 0;  // contests taken from the earlier result are left without a source
    for (std::size_t k = 0; k < before; ++k) taken += last.contests[k].source == nullptr;
    auto s_fresh = summarise(doc, fresh);
    auto s_again = summarise(doc, again);
    CHECK(to_json(again, &s_again) == to_json(fresh, &s_fresh));
    CHECK(to_text(again) == to_text(fresh));
    REQUIRE(again.contests.size() == fresh.contests.size());
    for (std::size_t k = 0; k < again.contests.size(); ++k) {
      const auto &a = again.contests[k], &f = fresh.contests[k];
      CHECK(a.source == &doc.contests[k]);
      CHECK(a.line == f.line);
      REQUIRE(a.candidates.size() == f.candidates.size());
      for (std::size_t c = 0; c < a.candidates.size(); ++c) {
        CHECK(a.candidates[c].label.data() == f.candidates[c].label.data());  // views into this document
        CHECK(a.candidates[c].where.line == f.candidates[c].where.line);
        CHECK(a.candidates[c].where.column == f.candidates[c].where.column);
      }
    }
    // reused where nothing changed: the report again, typing at its end, lines moved above others
    if (i == 1 || (i >= 3 && i < 2 + 31 && i % 9 != 4 && i % 9 != 5 && i % 11 != 6 && i % 11 != 7))
      CHECK(taken + 1 >= fresh.contests.size());
    // a line taken out; two lines put in above; a figure changed in the middle, after the report's first half twice
    if (i == 33 || i == 34 || i == 36) CHECK(taken + 2 >= fresh.contests.size());
    last = std::move(again);
    last_doc = std::move(doc);
  }
}

TEST_CASE("computing - an earlier result computed another way is not reused") {
  auto doc = parse(std::string(rushey_mead) + "\nFryerns (three seats)\tEleanor Donne\tLab 1,160; Lab 1,142; Con 529; "
                                              "Ind 400; TUSC 218 (9.7%) Votes cast 2,236");
  REQUIRE(doc.contests.size() == 2);
  auto reg = party_registry::from_json(R"({"independent":"Ind","parties":[{"label":"Lab","name":"Labour"},)"
                                       R"({"label":"Ind","name":"Independent"}]})");
  REQUIRE(reg);
  compute_options seats, separate, other_registry, focus;
  seats.seats = 1;
  separate.independents = independents_mode::separate;
  other_registry.registry = &*reg;
  focus.focus = "Con";
  for (const auto* o : {&seats, &separate, &other_registry, &focus}) {
    auto before = compute(doc, {});
    auto again = compute(doc, *o, std::move(before));
    for (const auto& c : before.contests) CHECK(c.source != nullptr);  // nothing taken
    CHECK(to_json(again) == to_json(compute(doc, *o)));
    // and back: the result computed the other way is not taken either
    auto back = compute(doc, {}, std::move(again));
    for (const auto& c : again.contests) CHECK(c.source != nullptr);
    CHECK(to_json(back) == to_json(compute(doc, {})));
  }
  // the same options: everything taken
  auto before = compute(doc, {});
  auto again = compute(doc, {}, std::move(before));
  for (const auto& c : before.contests) CHECK(c.source == nullptr);
  CHECK(to_json(again) == to_json(compute(doc, {})));
}
