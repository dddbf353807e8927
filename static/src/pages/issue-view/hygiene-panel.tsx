export { HygienePanel as default } from '../../components/governance/HygienePanel';
