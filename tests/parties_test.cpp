// tests/parties_test.cpp - the registry: every registered name and every label the report prints resolves.
#include <catch2/catch.hpp>

#include <regex>

#include "helpers.hpp"

using namespace wardshare;

namespace {

/// The registered names in data/registered-parties.txt (a table copied from a web page: `| name | count |`).
std::vector<std::string> registered_names() {
  auto text = test::read_file("data/registered-parties.txt");
  std::vector<std::string> cells;
  std::string cell;
  for (char c : text) {
    if (c == '|') {
      auto b = cell.find_first_not_of(" \t\r\n"), e = cell.find_last_not_of(" \t\r\n");
      if (b != std::string::npos) cells.push_back(cell.substr(b, e - b + 1));
      cell.clear();
    } else {
      cell += c;
    }
  }
  std::vector<std::string> names;
  std::regex count(R"([0-9][0-9,]*)");
  for (std::size_t i = 0; i + 1 < cells.size(); ++i)
    if (std::regex_match(cells[i + 1], count) && !std::regex_match(cells[i], count)) names.push_back(cells[i]);
  return names;
}

}  // namespace

TEST_CASE("parties - every registered name in the source list resolves") {
  const auto& reg = party_registry::builtin();
  auto names = registered_names();
  REQUIRE(names.size() == 207);  // 207 rows, some names listed twice
  for (const auto& n : names) {
    INFO(n);
    CHECK(reg.find(n) != nullptr);
  }
}

TEST_CASE("parties - the labels results reports print") {
  const auto& reg = party_registry::builtin();
  const std::pair<const char*, const char*> labels[] = {
      {"Lab", "Labour Party"}, {"Con", "Conservative and Unionist Party"}, {"LD", "Liberal Democrats"},
      {"Green", "Green Party"}, {"Reform", "Reform UK"}, {"UKIP", "UK Independence Party (UKIP)"},
      {"Ind", "Independent"}, {"TUSC", "Trade Unionist and Socialist Coalition"},
      {"SNP", "Scottish National Party (SNP)"}, {"PC", "Plaid Cymru - The Party of Wales"},
      {"WPB", "Workers Party of Britain"}, {"SDP", "Social Democratic Party"}, {"CPA", "Christian Peoples Alliance"},
      {"WEP", "Women's Equality Party"}, {"Polska", "Duma Polska"}, {"Lib", "The Liberal Party"},
      {"Yorks", "Yorkshire Party"}, {"BF", "Britain First"}, {"SLP", "Socialist Labour Party"},
      {"CP", "Communist Party of Britain"}, {"TTI", "Taking The Initiative Party"}, {"Brit Dem", "British Democratic Party"},
      {"CPB", "Communist Party of Britain"}, {"Labour", "Labour Party"}, {"Conservatives", "Conservative and Unionist Party"},
      {"Liberal Democrat", "Liberal Democrats"}, {"Independent", "Independent"}, {"Rejoin EU", "Rejoin EU"},
      {"Animal Welfare", "Animal Welfare Party"}, {"Heritage Party", "Heritage Party"}};
  for (const auto& [label, name] : labels) {
    INFO(label);
    const auto* p = reg.find(label);
    REQUIRE(p != nullptr);
    CHECK(p->name == name);
  }
}

TEST_CASE("parties - names, abbreviations and case variants of one party group together") {
  const auto& reg = party_registry::builtin();
  const auto* lab = reg.find("Lab");
  REQUIRE(lab);
  for (const char* s : {"lab", "LAB", "Labour", "Labour Party", "The Labour Party Candidate", "Labour and Co-operative Party",
                        "Labour & Co-operative Party", "labour party", "Lab & Co-op", "Labour & Co-op"})
    CHECK(reg.find(s) == lab);
  CHECK(reg.find("Conservative and Unionist Party") == reg.find("Con"));
  CHECK(reg.find("The Official Monster Raving Loony Party") == reg.find("Official Monster Raving Loony Party"));
  CHECK(reg.find("The Brexit Party") == reg.find("Reform UK"));
  CHECK(reg.find("Independent")->independent);
  CHECK_FALSE(reg.find("Independent Oxford Alliance")->independent);
}

TEST_CASE("parties - unknown labels are not guessed") {
  const auto& reg = party_registry::builtin();
  CHECK(reg.find("Lan") == nullptr);
  CHECK(reg.find("Laurence Fox") == nullptr);
  CHECK(reg.find("") == nullptr);
  CHECK(reg.find("   ") == nullptr);
}

TEST_CASE("parties - a registry from JSON, and bad JSON refused without aborting") {
  std::string why;
  auto reg = party_registry::from_json(R"({"independent":"Ind","parties":[{"label":"A","name":"Alpha Party","aliases":["Alf"]},{"label":"Ind","name":"Independent"}]})", &why);
  REQUIRE(reg);
  CHECK(reg->find("alf")->label == "A");
  CHECK(reg->independent()->label == "Ind");
  CHECK_FALSE(party_registry::from_json("{not json", &why));
  CHECK(why == "the registry is not a JSON object");
  CHECK_FALSE(party_registry::from_json(R"({"parties":[{"label":3}]})", &why));
  CHECK_FALSE(party_registry::from_json(R"([])", &why));
}

TEST_CASE("parties - a spelling the registry uses finds what its normalised key finds") {
  // find() answers the registry's own spellings (`Lab`, `Liberal Democrat`) from a table of them before it
  // normalises; written any other way (padded, another case) the same text goes the long way: same answer
  const auto& reg = party_registry::builtin();
  std::size_t checked = 0;
  for (const auto& p : reg.parties()) {
    std::vector<std::string> spellings{p.label, p.name};
    spellings.insert(spellings.end(), p.aliases.begin(), p.aliases.end());
    for (const auto& s : spellings) {
      std::string other = " " + s + " ";
      for (auto& c : other) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      INFO(s << " / " << other);
      CHECK(reg.find(s) == reg.find(other));
      ++checked;
    }
  }
  CHECK(checked > 400);  // 462 spellings in data/parties.json
  CHECK(reg.find("Lab") != nullptr);
  CHECK(reg.find("Lab")->label == "Lab");
  CHECK(reg.find("Liberal Democrat")->label == "LD");
}
