// tests/fuzz/fuzz_shapes.cpp - libFuzzer over large structured inputs. The bytes are a recipe, not the text:
// each step writes many lines of one shape (report rows of many entries, quotes of one ward, headings, council
// pages, Wikipedia boxes, `Name, Party, votes` lines, previous results, declarations of result laid out with
// spaces, long tokens, or the recipe's own bytes),
// with labels, names and counts chosen by the recipe (thousands of distinct labels, counts near 10^15, ties).
// Random mutation of the text itself rarely builds the hundreds or thousands of structured entries that the
// quadratic paths, the overflows and the average method's bound needed; a recipe of a few bytes builds them.
// A quadratic path shows as a timeout (the script gives each input 10 s; texts reach 512 KB); an overflow as a
// sanitizer report; a wrong share as a trap on the invariants below.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "wardshare/wardshare.hpp"

namespace {

constexpr std::size_t most_text = 512 * 1024;

/// The input read as a recipe: steps and their settings in order, and each step's choices (a label, a count,
/// for every entry) read from where the step starts on, round the recipe again and again, so that a few bytes
/// can write thousands of varied entries and still leave the next step its own bytes.
struct recipe {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t at = 0;         // the next step or setting
  std::size_t choice_at = 0;  // the next choice
  unsigned byte() { return at < size ? data[at++] : 0u; }
  unsigned choice() { return size ? data[choice_at++ % size] : 0u; }
  bool done() const { return at >= size; }
  /// A repeat count: 0-63 times 1, 16, 256 or 4096 (the top two bits choose).
  std::size_t count() {
    unsigned b = byte();
    return static_cast<std::size_t>(b & 0x3F) << ((b >> 6) * 4);
  }
};

constexpr const char* labels[] = {"Lab", "Con", "LD", "Green", "Reform", "Ind", "Independent", "TUSC", "SNP",
                                  "Plaid Cymru", "Labour", "Conservative", "Liberal Democrat", "Lab Co-op", "WPB",
                                  "", "?", "!!!", "Ind.", "Green Party"};
constexpr const char* areas[] = {"Basildon", "Leeds", "North Tyneside", "Cannock Chase", "Southampton", "", "Area"};
constexpr const char* wards[] = {"Central", "Fryerns", "Abbey", "St Mary's", "Longbenton & Benton", "Norton Canes",
                                 "Central (three seats)", "North (two seats)", "X"};
constexpr const char* names[] = {"Eleanor Donne", "Jamie Driscoll", "SMITH John", "Dave Murray", "A", "",
                                 "Cllr Robin Layfield & Helen Elliott-Boult"};

template <typename T, std::size_t N>
const T& pick(const T (&table)[N], unsigned b) {
  return table[b % N];
}

/// Appends `n` with thousands separators.
void grouped(std::string& out, std::int64_t n) {
  std::string digits = std::to_string(n);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0 && digits[0] != '-') out += ',';
    out += digits[i];
  }
}

struct writer {
  recipe& r;
  std::string text;
  std::int64_t last_votes = 0;
  std::size_t distinct = 0;  // labels made up so far: thousands of parties of one

  bool full() const { return text.size() >= most_text; }

  std::int64_t votes() {
    unsigned b = r.choice();
    switch (b % 8) {
      case 0: return b;                                   // small
      case 1: return 1000 + 37 * static_cast<std::int64_t>(r.choice());  // thousands
      case 2: return 999'999'999'999'999;                 // the largest count read
      case 3: return 1'000'000'000'000'000;               // too large: skipped with a warning
      case 4: return 0;
      case 5: return last_votes;                          // a tie with the last
      case 6: return static_cast<std::int64_t>(r.choice()) << (r.choice() % 50);
      default: return 100 + b;
    }
  }
  void count_text(std::int64_t v, unsigned style) {
    last_votes = v;
    if (style % 5 == 0) text += std::to_string(v);
    else if (style % 5 == 1 && v >= 100000) { text += std::to_string(v / 1000); text += ",00,"; text += std::to_string(v % 1000); }  // odd grouping
    else grouped(text, v);
  }
  void label(unsigned b) {
    if (b >= 224) {  // a label no registry knows, new each time: `Qb`, `Qc`... (letters: a label with a digit is
      text += 'Q';   // not read as one)
      for (std::size_t n = ++distinct; n; n /= 26) text += static_cast<char>('a' + n % 26);
    }
    else text += pick(labels, b);
  }
  void percent(unsigned b) {
    if (b % 3) return;
    text += " (" + std::to_string(b % 101) + "." + std::to_string(b % 10) + "%)";
  }

  void report_rows(std::size_t rows) {
    const unsigned ward = r.byte(), area = r.byte(), printed = r.byte();
    const std::size_t entries = r.count();
    for (std::size_t k = 0; k < rows && !full(); ++k) {
      if (area % 2) text += std::string(pick(areas, area)) + "\t";
      text += pick(wards, ward);
      text += "\t";
      text += pick(names, ward + k);
      text += "\t";
      std::int64_t sum = 0;
      for (std::size_t e = 0; e < entries && !full(); ++e) {
        if (e) text += (printed & 0x40) && (area & 4) ? ", " : "; ";  // (some rows written as a sentence)
        const unsigned b = r.choice();
        label(b);
        text += ' ';
        auto v = votes();
        sum = std::min<std::int64_t>(sum + v % 1'000'000'000'000'000, 1'000'000'000'000'000'000);
        count_text(v, b);
        if ((b & 0x41) == 0x41) text += " votes";
        if (b & 0x80) text += " Elected";
        // a share printed for one party's candidates, as a report prints it (that party is then the focus), or
        // for any
        if (printed & 0x80) percent(b >> 1);
        else if (b < 224 && b % 20 == printed % 20) percent(0);
      }
      if (ward % 3 == 0) {
        text += " Votes cast ";
        grouped(text, sum);
      }
      text += '\n';
    }
  }
  void quotes(std::size_t n) {
    const unsigned area = r.byte(), ward = r.byte();
    for (std::size_t k = 0; k < n && !full(); ++k) {
      if (area % 2) text += std::to_string(k + 1) + "\t";
      text += pick(areas, area);
      text += "\t";
      text += pick(wards, ward);
      text += "\t";
      if (ward % 2) text += std::string(pick(names, k)) + "\t";
      count_text(votes(), k);
      percent(static_cast<unsigned>(k));
      text += '\n';
    }
  }
  void council(std::size_t n) {
    text += pick(wards, r.byte());
    text += "\nCandidate\tParty\tVotes\t%\n";
    for (std::size_t k = 0; k < n && !full(); ++k) {
      const unsigned b = r.choice();
      text += pick(names, b);
      text += "\t";
      label(b >> 2);
      text += "\t";
      count_text(votes(), b);
      if (b & 1) text += "\tElected";
      text += '\n';
    }
  }
  void wikipedia(std::size_t n) {
    text += "Party\tCandidate\tVotes\t%\t\xC2\xB1%\n";
    for (std::size_t k = 0; k < n && !full(); ++k) {
      const unsigned b = r.choice();
      label(b);
      text += "\t";
      text += pick(names, b >> 3);
      text += "\t";
      count_text(votes(), b);
      text += "\t" + std::to_string(b % 100) + "." + std::to_string(b % 7) + "\t" + (b & 1 ? "+" : "\xE2\x88\x92") + "1.2\n";
    }
    if (n % 2) text += "Majority\t1,234\nTurnout\t45.6\n";
  }
  // one candidate a line, written every way a line is: `Name, Party, votes`, with only spaces (`Name Party votes`,
  // `Party Name votes`), the count in brackets, a numbered list's rank, a share written out or after a dash
  void name_lines(std::size_t n) {
    for (std::size_t k = 0; k < n && !full(); ++k) {
      const unsigned b = r.choice(), extra = r.choice();
      if (extra & 1) text += std::to_string(k + 1) + ". ";
      switch ((b >> 4) % 4) {
        case 0: text += pick(names, b); text += ", "; label(b >> 3); text += ", "; break;
        case 1: text += pick(names, b); text += ' '; label(b >> 3); text += ' '; break;
        case 2: label(b >> 3); text += ' '; text += pick(names, b); text += ' '; break;
        default: label(b >> 3); text += " ("; text += pick(names, b); text += ") "; break;
      }
      const bool bracketed = (b & 6) == 6;
      if (bracketed) text += '(';
      count_text(votes(), b);
      if (bracketed) text += ')';
      if (b & 8) text += (b & 1 ? " \xE2\x80\x94 " : " (") + std::to_string(b % 101) + (b & 1 ? ".5%" : ".5 per cent)");
      text += '\n';
    }
    if (n % 3 == 1) text += "Majority " + std::to_string(n) + "\nLabour hold\n";
    // a box's last rows with spaces for tabs; a figure under the contest that reads as no result
    if (n % 3 == 2) text += "Majority " + std::to_string(n) + " 12.5 N/A\nLabour hold Swing +" + std::to_string(n % 10) + ".1\nGreen 12O\n";
  }
  // a spreadsheet's rows pasted: tab-separated, a header naming a ward column, a quoted count now and then
  void spreadsheet(std::size_t n) {
    // (at the start, now and then, a spreadsheet saved as CSV: its title and a figure above a comma-separated header)
    const bool titled = text.empty() && n % 16 == 10;
    const char sep = titled ? ',' : '\t';
    if (titled) text += std::string("Results for ") + std::string(pick(wards, n)) + "\nElectorate: 9,012\n\n";
    text += titled ? "Ward,Candidate,Party,Votes,Elected\n" : "Ward\tCandidate\tParty\tVotes\tElected\n";
    for (std::size_t k = 0; k < n && !full(); ++k) {
      const unsigned b = r.choice();
      text += pick(wards, b >> 4);
      text += sep;
      text += pick(names, b);
      text += sep;
      label(b >> 2);
      text += sep;
      if (b & 1) text += '"';
      count_text(votes(), b);
      if (b & 1) text += '"';
      text += sep;
      text += b & 2 ? "Yes\n" : "No\n";
    }
  }
  void previous(std::size_t n) {
    text += "2021 result:\t\t";
    for (std::size_t e = 0; e < n && !full(); ++e) {
      if (e) text += "; ";
      const unsigned b = r.choice();
      label(b);
      text += ' ';
      count_text(votes(), b);
      percent(b);
    }
    text += '\n';
  }
  void long_token(std::size_t n) {
    static constexpr char chars[] = {'9', ';', '\t', 'a', ' ', '(', '%', ',', '<', '\xC2'};
    const char c = pick(chars, r.byte());
    text.append(std::min(n, most_text - text.size()), c);
    text += '\n';
  }
  // a declaration of result copied from a PDF: columns of spaces, an outcome column, a share column written
  // every way (`26`, `26.25`, `26.25%`), the rejected ballot papers by reason and figures in columns
  void declaration(std::size_t n) {
    text += "Election of a Borough Councillor for ";
    text += pick(wards, r.byte());
    text += "\nName of Candidate    Description (if any)    Number of Votes\n";
    for (std::size_t k = 0; k < n && !full(); ++k) {
      const unsigned b = r.choice();
      text += pick(names, b);
      text += "    ";
      label(b >> 2);
      text += "    ";
      count_text(votes(), b);
      if (b & 4) text += "    " + std::to_string(b % 101) + (b & 8 ? ".25" : "") + (b & 16 ? "%" : "");
      if (b & 1) text += "    Elected";
      else if (b & 2) text += "    Not elected";
      text += '\n';
    }
    text += "The number of ballot papers rejected was as follows:\n(a) want of an official mark    " + std::to_string(n % 7) +
            "\nTotal    " + std::to_string(n) + "\nElectorate: 9,012    Ballot papers issued: 2,250    Turnout: 24.97%\n";
  }
  // results cards copied a field a line: a name and a party (either order, or on one line, maybe an `Elected`
  // badge between), the votes alone on a line, then maybe a share and an outcome, each alone; column headings a
  // line each above them
  void cards(std::size_t n) {
    const unsigned head = r.byte();
    text += pick(wards, head);
    text += head & 1 ? " Ward\nCandidate\nParty\nVotes\n%\n" : " Ward\nConservative hold\nCandidates\n";
    for (std::size_t k = 0; k < n && !full(); ++k) {
      const unsigned b = r.choice();
      if (b & 1) {
        label(b >> 2);
        text += '\n';
        if ((b & 0x81) == 0x81) text += "Elected\n";  // a badge between the party and the name
        text += pick(names, b);
      } else if (b & 2) {
        text += pick(names, b);
        text += " (";
        label(b >> 2);
        text += ')';
      } else {
        text += pick(names, b);
        text += '\n';
        label(b >> 2);
      }
      text += '\n';
      const unsigned extra = r.choice();
      if (extra & 1) text += "Votes: ";  // (a news site's captions above or before each figure)
      count_text(votes(), b);
      text += '\n';
      if (extra & 1) text += "Vote share\n";
      if (b & 4) text += std::to_string(b % 101) + (b & 8 ? ".2%\n" : "%\n");
      if (extra & 2) text += b & 8 ? "Change\n+3.1\n" : "Change: -5.0\n";
      if (b & 16) text += b & 32 ? "Elected\n" : "Not elected\n";
      if (b & 64) text += '\n';
    }
  }
  void raw(std::size_t n) {
    for (std::size_t k = 0; k < n && !r.done() && !full(); ++k) text += static_cast<char>(r.byte());
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  recipe r{data, size};
  writer w{r, {}};
  while (!r.done() && !w.full()) {
    const unsigned op = r.byte();
    const std::size_t n = r.count();
    r.choice_at = r.at;
    switch (op % 10) {
      case 0: w.text += std::string(pick(areas, r.byte())) + "\n"; break;
      case 1: w.report_rows(n); break;
      case 2: w.quotes(n); break;
      case 3: w.council(n); break;
      case 4: w.wikipedia(n); break;
      case 5: w.name_lines(n); break;
      case 6: w.previous(n); break;
      case 7: w.long_token(n); break;
      case 8: w.raw(n); break;
      default:  // (op 9: a blank line, or with n = 3 mod 4 a declaration of result, with n = 1 mod 4 results cards,
                // with n = 2 mod 8 a spreadsheet's rows)
        if (n % 4 == 3) w.declaration(n);
        else if (n % 4 == 1) w.cards(n);
        else if (n % 8 == 2) w.spreadsheet(n);
        else w.text += '\n';
        break;
    }
  }
  if (w.text.size() > most_text) w.text.resize(most_text);
#ifdef WARDSHARE_SHAPES_PRINT  // (to see what an artifact wrote: build with it, run the harness on the artifact)
  std::fwrite(w.text.data(), 1, w.text.size(), stderr);
#endif

  auto doc = wardshare::parse(w.text);
  // (top and average: every method, and the text output, are fuzz_read_compute's; here, fewer passes over
  // texts of up to 512 KB give more inputs a minute)
  for (auto m : {wardshare::share_method::top, wardshare::share_method::average}) {
    wardshare::compute_options o;
    o.method = m;
    o.independents = size % 2 ? wardshare::independents_mode::separate : wardshare::independents_mode::automatic;
    auto res = wardshare::compute(doc, o);
    for (const auto& c : res.contests) {
      // shares are percentages of one whole: each in [0, 100], adding up to 100 (unless a sum was held at 10^18);
      // within the double's rounding (100 * x / x can be 100.00000000000001)
      double sum = 0;
      bool held = false;
      for (const auto& k : c.checks) held = held || k.code == "votes_overflow";
      for (const auto& p : c.parties) {
        if (!(p.share >= 0 && p.share <= 100 + 1e-9)) __builtin_trap();
        sum += p.share;
      }
      if (c.denominator > 0 && !held && c.method == m && std::fabs(sum - 100) > 1e-6) __builtin_trap();
      // no more elected than seats, and each party's seats its elected candidates
      int elected = 0, won = 0;
      for (const auto& cand : c.candidates) elected += cand.elected;
      for (const auto& p : c.parties) won += p.seats_won;
      if (elected > c.seats || won != elected) __builtin_trap();
    }
    if (m == wardshare::share_method::top) {
      auto s = wardshare::summarise(doc, res);
      auto json = wardshare::to_json(res, &s);
      // the CLI's way, 64 KB at a time (a large text's document is many pieces): the same text
      std::string joined;
      wardshare::write_json(res, &s, -1, wardshare::json_detail::full,
                            [](std::string_view piece, void* to) { static_cast<std::string*>(to)->append(piece); }, &joined);
      if (joined != json) __builtin_trap();
      volatile std::size_t n = json.size() + wardshare::to_csv(res).size();
      (void)n;
    }
  }
  return 0;
}
