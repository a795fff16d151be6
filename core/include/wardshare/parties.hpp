/// wardshare/parties.hpp - the party registry: which labels and names mean the same party.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wardshare {

/// One party as the registry knows it.
struct party_info {
  std::string label;                ///< the short form reports print (`Lab`)
  std::string name;                 ///< the registered name (`Labour Party`)
  std::string colour;               ///< `#rrggbb`, or empty when the registry has none
  std::vector<std::string> aliases; ///< other names and abbreviations of the same party
  long registered = 0;              ///< how often the registered names occur in the source list
  bool independent = false;         ///< the Independent entry: candidates are people, not a party
};

/// Maps what people write (`lab`, `Labour`, `The Labour Party Candidate`) to one party.
///
///     auto reg = wardshare::party_registry::builtin();
///     const party_info* p = reg.find("lab");   // -> Labour Party
class party_registry {
 public:
  /// The registry compiled in from `data/parties.json`.
  [[nodiscard]] static const party_registry& builtin();
  /// Reads a registry in the `data/parties.json` shape; nullopt (and `error` set) when it is not one.
  [[nodiscard]] static std::optional<party_registry> from_json(std::string_view json, std::string* error = nullptr);

  /// The party a label or name means, or null. Case, punctuation, a leading `The` and
  /// description words (`Party`, `Candidate`) are ignored.
  [[nodiscard]] const party_info* find(std::string_view text) const;
  /// The Independent entry, or null when the registry has none.
  [[nodiscard]] const party_info* independent() const;
  [[nodiscard]] const std::vector<party_info>& parties() const noexcept { return parties_; }

  /// The key labels are compared by: lower case, letters and digits only, words single-spaced.
  [[nodiscard]] static std::string normalise(std::string_view text);
  /// Whether `normalise(text) == key`, without building the normalised text.
  [[nodiscard]] static bool same_key(std::string_view text, std::string_view key);

 private:
  std::vector<party_info> parties_;
  struct slot {
    std::uint32_t hash = 0;
    std::uint32_t at = 0;  // position + 1 in the table's entries, 0 when empty
  };
  using entries = std::vector<std::pair<std::string, std::size_t>>;
  entries index_;  // normalised key -> party, one entry per key
  std::vector<slot> slots_;  // hash table over index_
  // The registry's own spellings (`Lab`, `Green`, `Liberal Democrat`) -> the party find() gives for them:
  // most labels are written so, and are found without normalising.
  entries spelled_;
  std::vector<slot> spelled_slots_;
  std::size_t independent_ = static_cast<std::size_t>(-1);
  void build_index();
  [[nodiscard]] static std::vector<slot> hash_table(entries& keys);
  [[nodiscard]] static const std::pair<std::string, std::size_t>* lookup(const entries& keys, const std::vector<slot>& table,
                                                                         std::string_view key);
  [[nodiscard]] const party_info* find_key(std::string_view key) const;
  [[nodiscard]] const party_info* find_normalised(std::string_view text) const;
};

}  // namespace wardshare
