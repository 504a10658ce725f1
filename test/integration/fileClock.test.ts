import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileClock } from "../../src/clock.js";
import { makeTempDir } from "../helpers/tempDir.js";

describe("FileClock (the test clock shared by bot processes)", () => {
  const temps: { cleanup(): void }[] = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.cleanup();
  });
  const clockFile = () => {
    const temp = makeTempDir();
    temps.push(temp);
    return path.join(temp.dir, "clock");
  };

  it("tells the instant written in its file, and follows it when the file changes", () => {
    const file = clockFile();
    fs.writeFileSync(file, "2027-03-01T09:00:00.000Z\n");
    const clock = new FileClock(file);
    expect(clock.now().toISOString()).toBe("2027-03-01T09:00:00.000Z");
    fs.writeFileSync(file, "2027-03-08T17:30:00Z");
    expect(clock.now().toISOString()).toBe("2027-03-08T17:30:00.000Z");
  });

  it("keeps the last instant while the file is caught empty or half-written", () => {
    const file = clockFile();
    fs.writeFileSync(file, "2027-03-01T09:00:00.000Z");
    const clock = new FileClock(file);
    clock.now();
    fs.writeFileSync(file, "");
    expect(clock.now().toISOString()).toBe("2027-03-01T09:00:00.000Z");
    for (const partial of ["2027-03-0", "202"]) {
      fs.writeFileSync(file, partial);
      expect(clock.now().toISOString()).toBe("2027-03-01T09:00:00.000Z");
    }
  });

  it("fails loudly when it never had an instant", () => {
    const file = clockFile();
    expect(() => new FileClock(file).now()).toThrow(/cannot be read/);
    fs.writeFileSync(file, "soon");
    expect(() => new FileClock(file).now()).toThrow(/holds no ISO instant/);
  });
});
