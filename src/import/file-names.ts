/** File names an import hands out: each path once, a second item wanting one gets its id added. */
export class FileNames {
  private readonly taken = new Set<string>();

  claim(path: string, id = ""): string {
    let candidate = path;
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) {
      candidate = path.replace(/(\.md)?$/, `-${id !== "" && n === 2 ? id : n}$1`);
    }
    // Case-insensitive file systems (macOS, Windows) would see two names that differ in case as one.
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
