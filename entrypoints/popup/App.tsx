export function App() {
  return <main>Backstory</main>;
}
